using Npgsql;

namespace EnhanceFund.BuildingBlocks.Persistence;

public static class PostgresErrors
{
    /// <summary>Whether PostgreSQL refused a row for a unique key (of <paramref name="constraint"/>, if named), as raised or as EF wraps it.</summary>
    public static bool IsUniqueViolation(this Exception exception, string? constraint = null) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraint is null || pg.ConstraintName == constraint);
}
