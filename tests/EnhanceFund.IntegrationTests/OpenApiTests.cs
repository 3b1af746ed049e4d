using System.Reflection;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// The OpenAPI document at /swagger is what a REST consumer generates a client from: every route must say what it
/// answers, the success envelope with its typed <c>data</c> and the failure envelope for each failure status.
/// </summary>
public sealed class OpenApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Every_route_documents_its_success_envelope_with_typed_data_and_its_failures()
    {
        var document = await DocumentAsync();
        var failureEnvelope = document.Components.Schemas.Single(s => s.Key.EndsWith("FailureEnvelope", StringComparison.Ordinal)).Value;
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 25, $"only {operations.Count} routes in the document");

        var problems = new List<string>();
        foreach (var (route, operation) in operations)
        {
            var successes = operation.Responses.Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count != 1)
            {
                problems.Add($"{route}: {successes.Count} success answers documented");
                continue;
            }

            var data = JsonBody(successes[0].Value)?.ActualProperties.GetValueOrDefault("data")?.ActualTypeSchema;
            if (data is null || data.ActualProperties.Count == 0)
                problems.Add($"{route}: its {successes[0].Key} answer has no typed data");

            foreach (var (status, failure) in operation.Responses.Where(r => !r.Key.StartsWith('2')))
            {
                if (JsonBody(failure) != failureEnvelope) problems.Add($"{route}: its {status} answer is not the failure envelope");
            }

            if (operation.ActualSecurity?.Count > 0 && !operation.Responses.ContainsKey("401"))
                problems.Add($"{route}: needs a token but documents no 401");
        }

        // Short schema names: two types of one name would come out as "LoanData" and "LoanData2".
        var names = document.Components.Schemas.Keys.ToHashSet(StringComparer.Ordinal);
        problems.AddRange(names.Where(n => char.IsDigit(n[^1]) && names.Contains(n.TrimEnd("0123456789".ToCharArray())))
            .Select(n => $"two types share the schema name {n.TrimEnd("0123456789".ToCharArray())}"));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task A_typed_client_generated_from_the_document_compiles_and_returns_envelopes()
    {
        var document = await DocumentAsync();
        var settings = new CSharpClientGeneratorSettings { ClassName = "EnhanceFundClient" };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var client = Compile(code).GetType("Generated.EnhanceFundClient", throwOnError: true)!;
        var calls = client.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        Assert.True(calls.Count >= Operations(document).Count(), $"{calls.Count} client methods");
        Assert.All(calls, call =>
        {
            var answer = call.ReturnType.IsGenericType ? call.ReturnType.GetGenericArguments()[0] : null;
            Assert.True(answer?.Name.Contains("SuccessEnvelope", StringComparison.Ordinal) == true,
                $"{call.Name} returns {call.ReturnType}, not a success envelope");
        });
    }

    private async Task<OpenApiDocument> DocumentAsync() =>
        await OpenApiDocument.FromJsonAsync(await fixture.Http.GetStringAsync("/swagger/v1/swagger.json"));

    private static IEnumerable<(string Route, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(path => path.Value.Select(op => ($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value)));

    private static JsonSchema? JsonBody(OpenApiResponse response) =>
        response.Content.TryGetValue("application/json", out var media) ? media.Schema?.ActualSchema : null;

    private static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "GeneratedClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Take(10);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, errors));
        return Assembly.Load(image.ToArray());
    }
}
