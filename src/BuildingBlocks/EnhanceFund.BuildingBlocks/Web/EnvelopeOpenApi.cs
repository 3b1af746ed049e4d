using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>
/// What an endpoint tells OpenAPI it answers: the success envelope with its <c>data</c> type, and the failure envelope
/// for each failure status, so a client generated from /swagger gets typed answers. Declared once per endpoint in
/// <c>Configure</c>: <c>Description(d =&gt; d.Answers&lt;WalletMovement&gt;(201, 400, 401, 409, 429))</c>.
/// </summary>
public static class EnvelopeOpenApi
{
    public static RouteHandlerBuilder Answers<TData>(this RouteHandlerBuilder route, int status, params int[] failures)
    {
        route.ClearDefaultProduces();
        route.Produces<SuccessEnvelope<TData>>(status, "application/json");
        foreach (var failure in failures) route.Produces<FailureEnvelope>(failure, "application/json");
        return route;
    }
}
