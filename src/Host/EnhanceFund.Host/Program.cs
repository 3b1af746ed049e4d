using EnhanceFund.Host;

var app = EnhanceFundApp.Build(args);
await app.PrepareDatabaseAsync();
await app.RunAsync();
