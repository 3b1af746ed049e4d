using Microsoft.EntityFrameworkCore.Migrations;

namespace EnhanceFund.BuildingBlocks.Persistence;

/// <summary>
/// A migration that moves a module's inbox rows from one consumer name to another (and back on the way down), so an
/// event already consumed under the old name is still recognised under the new one. A module's migration names its
/// schema and the renames; this does the rest.
/// </summary>
public abstract class InboxConsumerRenameMigration(string schema, IReadOnlyList<(string From, string To)> renames) : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Sql(renames));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(Sql(renames.Select(r => (r.To, r.From)).ToList()));

    private string Sql(IReadOnlyList<(string From, string To)> moves)
    {
        static string Quote(string value) => $"'{value.Replace("'", "''")}'";
        var cases = string.Join(" ", moves.Select(r => $"WHEN {Quote(r.From)} THEN {Quote(r.To)}"));
        var from = string.Join(", ", moves.Select(r => Quote(r.From)));
        return $"UPDATE \"{schema}\".inbox_messages SET consumer = CASE consumer {cases} END WHERE consumer IN ({from});";
    }
}
