using EnhanceFund.BuildingBlocks.Web.Auth;
using FastEndpoints;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>
/// A GET of the signed-in user's own state that takes no input (the wallet, the unread count, the preferences): such
/// endpoints differ only in route, wording, query and data, so each is this endpoint with its own. It cannot fail but
/// for a missing token, so it answers 200 or 401.
/// </summary>
public abstract class GetOwnEndpoint<TValue, TData>(
    IMediator mediator, string route, string summary, string successMessage,
    Func<long, IRequest<TValue>> query, Func<TValue, TData> toData) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get(route);
        Summary(s => s.Summary = summary);
        Description(d => d.Answers<TData>(StatusCodes.Status200OK, 401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var value = await mediator.Send(query(User.UserId()), ct);
        await HttpContext.Response.SendSuccessAsync(successMessage, toData(value), cancellationToken: ct);
    }
}
