namespace EnhanceFund.Benchmarks;

internal sealed record BenchOptions(string Postgres, string Redis, int Rate, int Seconds, int Users, int WarmUpSeconds)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var at = Array.IndexOf(args, $"--{name}");
            return at >= 0 && at + 1 < args.Length ? args[at + 1]
                : fallback ?? throw new ArgumentException($"--{name} is required (scripts/bench.sh passes it).");
        }

        return new BenchOptions(
            Value("postgres"), Value("redis"),
            int.Parse(Value("rate", "200")), int.Parse(Value("seconds", "15")), int.Parse(Value("users", "50")),
            int.Parse(Value("warmup", "5")));
    }
}
