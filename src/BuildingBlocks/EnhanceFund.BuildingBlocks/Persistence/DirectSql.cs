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
    /// <summary>
    /// Runs <paramref name="work"/> on the context's connection, opened for it if EF has it closed, and closed again
    /// after unless a transaction (or EF) holds it open.
    /// </summary>
    public static async Task<T> OnConnectionAsync<T>(this DbContext db, Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work((NpgsqlConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs a query and reads each of its rows with <paramref name="read"/>.</summary>
    public static Task<List<T>> QueryAsync<T>(
        this DbContext db, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] values) =>
        db.OnConnectionAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                AddValues(command.Parameters, values);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
                return rows;
            },
            cancellationToken);

    /// <summary>One statement of an <see cref="NpgsqlBatch"/>, with its positional parameters.</summary>
    public static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddValues(command.Parameters, values);
        return command;
    }

    private static void AddValues(NpgsqlParameterCollection parameters, object[] values)
    {
        foreach (var value in values) parameters.Add(new NpgsqlParameter { Value = value });
    }
}
