using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// Raw SQL sent by Npgsql alone, on a context's own connection (and so in its open transaction, if any), for the
/// statements the live path runs at every deposit or relay batch. EF's raw SQL queries (<c>FromSql</c>,
/// <c>SqlQuery</c>) cannot cache the command they send: every run builds its SQL and its parameters again, and the
/// wallet's lock and the relay's claim alone made a tenth of what the Host allocated per deposit. Parameters are
/// positional: <c>$1</c>, <c>$2</c>, ... in the order given.
/// </summary>
public static class DirectSql
{
    /// <summary>Runs a query and reads each of its rows with <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        this DbContext db, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] values)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One statement of an <see cref="NpgsqlBatch"/>, with its positional parameters.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
