namespace EnhanceFund.Benchmarks;

internal sealed record BenchOptions(
    string Postgres, string Redis, string? RedisDir, int[] Rates, int Seconds, int Users, int WarmUpSeconds,
    int IdleConnections, int OutageSeconds, int? PoolSize, int MarkAllRead, bool Rest, int BigTable, string? Npgsql, bool Statements, string? LatencyFile,
    bool IdempotencyKeys)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Optional(string name)
        {
            var at = Array.IndexOf(args, $"--{name}");
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        string Value(string name, string? fallback = null) =>
            Optional(name) ?? fallback ?? throw new ArgumentException($"--{name} is required (scripts/bench.sh passes it).");

        var rates = (Optional("rates") ?? Value("rate", "200")).Split(',').Select(int.Parse).ToArray();
        return new BenchOptions(
            Value("postgres"), Value("redis"), Optional("redis-dir"), rates,
            int.Parse(Value("seconds", "15")), int.Parse(Value("users", "50")), int.Parse(Value("warmup", "5")),
            int.Parse(Value("idle-connections", "0")), int.Parse(Value("outage", "0")), Optional("pool") is { } pool ? int.Parse(pool) : null,
            int.Parse(Value("mark-all-read", "0")), args.Contains("rest"), int.Parse(Value("big-table", "0")),
            Optional("npgsql"), args.Contains("--statements"), Optional("latencies"), args.Contains("--idempotency-keys"));
    }
}
