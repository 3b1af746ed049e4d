using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Modules;
using EnhanceFund.BuildingBlocks.Web;
using EnhanceFund.BuildingBlocks.Web.Auth;
using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.BuildingBlocks.Messaging.Parked;

public sealed class ParkedMessagesQuery
{
    [BindFrom("module")]
    public string? Module { get; set; }

    [BindFrom("limit")]
    public int? Limit { get; set; }
}

internal sealed class ParkedMessagesQueryValidator : Validator<ParkedMessagesQuery>
{
    public ParkedMessagesQueryValidator(IEnumerable<ModuleDatabase> modules)
    {
        RuleFor(q => q.Module!).OneOfTheModules(modules).When(q => q.Module is not null);
        RuleFor(q => q.Limit).InclusiveBetween(1, PageRequest.MaxLimit).WithMessage($"Limit must be between 1 and {PageRequest.MaxLimit}.");
    }
}

/// <summary><c>{"messages": [...]}</c>, oldest parked first.</summary>
public sealed record ParkedMessageList(IReadOnlyList<ParkedMessageDto> Messages);

/// <summary><c>{"requeued": n}</c>: how many parked messages are due again.</summary>
public sealed record RequeuedCount(int Requeued);

internal sealed class ListParkedMessagesEndpoint(ParkedMessages parked) : Endpoint<ParkedMessagesQuery>
{
    public override void Configure()
    {
        Get("/api/admin/parked-messages");
        Roles(Role.Admin);
        Summary(s => s.Summary = "Outbox messages parked after their last attempt, oldest first (admins)");
        Description(d => d.Answers<ParkedMessageList>(StatusCodes.Status200OK, 400, 401, 403));
    }

    public override async Task HandleAsync(ParkedMessagesQuery query, CancellationToken cancellationToken)
    {
        var messages = await parked.ListAsync(query.Module, query.Limit ?? PageRequest.DefaultLimit, cancellationToken);
        await HttpContext.Response.SendSuccessAsync(
            "Parked messages retrieved successfully", new ParkedMessageList(messages), cancellationToken: cancellationToken);
    }
}

public sealed class ParkedMessageRequest
{
    public Guid Id { get; set; }
}

internal sealed class RequeueParkedMessageEndpoint(ParkedMessages parked) : Endpoint<ParkedMessageRequest>
{
    public override void Configure()
    {
        Post("/api/admin/parked-messages/{id}/requeue");
        Roles(Role.Admin);
        Summary(s => s.Summary = "Deliver a parked message again (admins); consumers that applied it already skip it");
        Description(d => d.Answers<RequeuedCount>(StatusCodes.Status200OK, 400, 401, 403, 404));
    }

    public override async Task HandleAsync(ParkedMessageRequest request, CancellationToken cancellationToken)
    {
        if (await parked.RequeueAsync(request.Id, cancellationToken))
            await HttpContext.Response.SendSuccessAsync("Message requeued", new RequeuedCount(1), cancellationToken: cancellationToken);
        else
            await HttpContext.Response.SendErrorAsync(Error.NotFound("No parked message has this id."), cancellationToken);
    }
}

/// <summary>Route-bound only, so a POST without a body is no 415.</summary>
public sealed class ModuleRequest
{
    public string Module { get; set; } = "";
}

internal sealed class ModuleRequestValidator : Validator<ModuleRequest>
{
    public ModuleRequestValidator(IEnumerable<ModuleDatabase> modules) => RuleFor(r => r.Module).OneOfTheModules(modules);
}

internal static class ModuleRules
{
    /// <summary>A module is named by its schema: wallet, loans, ...</summary>
    public static IRuleBuilderOptions<T, string> OneOfTheModules<T>(this IRuleBuilder<T, string> rule, IEnumerable<ModuleDatabase> modules)
    {
        var names = modules.Select(m => m.Schema).Order().ToList();
        return rule.Must(names.Contains).WithMessage($"Module must be one of: {string.Join(", ", names)}.");
    }
}

internal sealed class RequeueModuleEndpoint(ParkedMessages parked) : Endpoint<ModuleRequest>
{
    public override void Configure()
    {
        Post("/api/admin/modules/{module}/parked-messages/requeue");
        Roles(Role.Admin);
        Summary(s => s.Summary = "Deliver every parked message of one module again (admins)");
        Description(d => d.Answers<RequeuedCount>(StatusCodes.Status200OK, 400, 401, 403));
    }

    public override async Task HandleAsync(ModuleRequest request, CancellationToken cancellationToken)
    {
        var requeued = await parked.RequeueAllAsync(request.Module, cancellationToken);
        await HttpContext.Response.SendSuccessAsync("Messages requeued", new RequeuedCount(requeued), cancellationToken: cancellationToken);
    }
}
