using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.Host;
using NetArchTest.Rules;

namespace EnhanceFund.UnitTests.Architecture;

/// <summary>
/// Generated per module from the Host's own module list: a module added there is checked here without
/// anyone remembering to. Each rule also asserts that it looked at something, so a renamed namespace cannot
/// turn it into a rule that passes by checking nothing.
/// </summary>
public sealed class ModuleArchitectureTests
{
    private static readonly string[] Infrastructure =
        ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore", "MediatR", "FastEndpoints", "Quartz", "StackExchange.Redis"];

    public static TheoryData<string> Modules() => new(EnhanceFundApp.Modules.Select(m => m.Name));

    private static IModule Module(string name) => EnhanceFundApp.Modules.Single(m => m.Name == name);

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_no_other_module_but_its_Contracts(string name)
    {
        var module = Module(name);
        var allowed = EnhanceFundApp.Modules.Select(m => m.ContractsAssembly.GetName().Name)
            .Append("EnhanceFund.BuildingBlocks")
            .Append("EnhanceFund.BuildingBlocks.Contracts")
            .ToHashSet();

        var ours = module.Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("EnhanceFund.", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(ours);
        Assert.All(ours, reference => Assert.Contains(reference, allowed));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void No_type_of_a_module_uses_another_modules_internals(string name)
    {
        var module = Module(name);
        var othersInternals = EnhanceFundApp.Modules
            .Where(m => m != module)
            .SelectMany(m => m.Assembly.GetTypes())
            .Select(t => t.FullName!)
            .Where(n => !n.Contains('<'))
            .ToArray();
        Assert.NotEmpty(othersInternals);

        var result = Types.InAssembly(module.Assembly).ShouldNot().HaveDependencyOnAny(othersInternals).GetResult();

        Assert.True(result.IsSuccessful, Failures(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_Contracts_depend_on_nothing_but_the_contracts_building_block(string name)
    {
        var contracts = Module(name).ContractsAssembly;
        var ours = contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("EnhanceFund.", StringComparison.Ordinal));
        Assert.All(ours, reference => Assert.Equal("EnhanceFund.BuildingBlocks.Contracts", reference));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_depends_on_no_infrastructure_and_no_outer_layer(string name)
    {
        var module = Module(name);
        var domain = $"{module.Assembly.GetName().Name}.Domain";
        var outerLayers = new[] { "Application", "Infrastructure", "Endpoints" }.Select(l => $"{module.Assembly.GetName().Name}.{l}");

        var types = Types.InAssembly(module.Assembly).That().ResideInNamespace(domain);
        Assert.NotEmpty(types.GetTypes());

        var result = types.ShouldNot().HaveDependencyOnAny([.. Infrastructure, .. outerLayers]).GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Application_code_does_not_reach_into_endpoints(string name)
    {
        var module = Module(name);
        var application = Types.InAssembly(module.Assembly).That().ResideInNamespace($"{module.Assembly.GetName().Name}.Application");
        Assert.NotEmpty(application.GetTypes());

        var result = application.ShouldNot().HaveDependencyOn($"{module.Assembly.GetName().Name}.Endpoints").GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Domain_code_uses_no_contract_type(string name)
    {
        // Constants from a Contracts assembly (reason codes) compile to literals and are allowed: the rule is about
        // events, which the Infrastructure maps from domain events so that each side can change on its own.
        var module = Module(name);
        var contractTypes = EnhanceFundApp.Modules.SelectMany(m => m.ContractsAssembly.GetTypes())
            .Append(typeof(EnhanceFund.BuildingBlocks.Contracts.IIntegrationEvent))
            .Select(t => t.FullName!)
            .Where(n => !n.Contains('<'))
            .ToArray();

        var result = Layer(module, "Domain").ShouldNot().HaveDependencyOnAny(contractTypes).GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Application_code_knows_no_HTTP(string name)
    {
        // ASP.NET Core Identity's password hasher is a library, not HTTP: the rule names the HTTP namespaces.
        var http = new[] { "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing", "FastEndpoints" };
        var result = Layer(Module(name), "Application").ShouldNot().HaveDependencyOnAny(http).GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Infrastructure_code_does_not_reach_into_application_or_endpoints(string name)
    {
        var module = Module(name);
        var root = module.Assembly.GetName().Name;
        var result = Layer(module, "Infrastructure").ShouldNot().HaveDependencyOnAny($"{root}.Application", $"{root}.Endpoints").GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Endpoints_go_through_the_application_never_the_database(string name)
    {
        var module = Module(name);
        var result = Layer(module, "Endpoints")
            .ShouldNot().HaveDependencyOnAny($"{module.Assembly.GetName().Name}.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql")
            .GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    private static PredicateList Layer(IModule module, string layer)
    {
        var types = Types.InAssembly(module.Assembly).That().ResideInNamespace($"{module.Assembly.GetName().Name}.{layer}");
        Assert.NotEmpty(types.GetTypes());
        return types;
    }

    [Fact]
    public void The_shared_domain_building_blocks_depend_on_no_infrastructure()
    {
        var domain = Types.InAssembly(typeof(EnhanceFund.BuildingBlocks.Domain.Money).Assembly)
            .That().ResideInNamespace("EnhanceFund.BuildingBlocks.Domain");
        Assert.NotEmpty(domain.GetTypes());

        var result = domain.ShouldNot().HaveDependencyOnAny(Infrastructure).GetResult();
        Assert.True(result.IsSuccessful, Failures(result));
    }

    private static string Failures(TestResult result) =>
        "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
