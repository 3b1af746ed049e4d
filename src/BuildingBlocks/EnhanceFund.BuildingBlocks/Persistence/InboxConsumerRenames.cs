namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// SQL for a migration that moves a module's inbox rows from one consumer name to another, so that an event already
/// consumed under the old name is still recognised under the new one (and back, for the migration's Down).
/// </summary>
public static class InboxConsumerRenames
{
    public static string Sql(string schema, IReadOnlyList<(string From, string To)> renames)
    {
        static string Quote(string value) => $"'{value.Replace("'", "''")}'";
        var cases = string.Join(" ", renames.Select(r => $"WHEN {Quote(r.From)} THEN {Quote(r.To)}"));
        var from = string.Join(", ", renames.Select(r => Quote(r.From)));
        return $"UPDATE \"{schema}\".inbox_messages SET consumer = CASE consumer {cases} END WHERE consumer IN ({from});";
    }

    public static IReadOnlyList<(string From, string To)> Reversed(IReadOnlyList<(string From, string To)> renames) =>
        renames.Select(r => (r.To, r.From)).ToList();
}
