using EnhanceFund.BuildingBlocks.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace EnhanceFund.Host.Errors;

/// <summary>
/// Every failure that never reaches an endpoint still answers in the API's envelope: unknown routes,
/// wrong methods, missing tokens, oversized or malformed bodies, and our own bugs (500, with nothing leaked).
/// </summary>
internal static class EnvelopeErrors
{
    public static void UseEnvelopeErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(WriteExceptionAsync));
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext.Response, MessageFor(context.HttpContext.Response.StatusCode)));
        app.Use(RefuseBodiesThatAreNotUtf8);
    }

    // FastEndpoints answers a body without a Content-Type with a bare 415 that the status-code pages cannot fill in
    // (the response has started), and one in a charset .NET does not know with a 500 (reading it throws before any
    // JSON is parsed), so such requests are answered here, before they get there. JSON is UTF-8 (RFC 8259), so a
    // body labelled with any other charset is refused too, rather than decoded one way here and another elsewhere.
    // The API's bodies only: the hub's long-polling and server-sent-events transports post SignalR's own frames,
    // which the .NET client sends with no Content-Type at all.
    private static Task RefuseBodiesThatAreNotUtf8(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
        if (!hasBody || !request.Path.StartsWithSegments("/api") || HasUtf8OrNoCharset(request.ContentType)) return next(context);
        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return WriteAsync(context.Response, MessageFor(StatusCodes.Status415UnsupportedMediaType));
    }

    /// <summary>A Content-Type that names UTF-8 or no charset; a missing or malformed one has neither.</summary>
    private static bool HasUtf8OrNoCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)) return false;
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).Value ?? "";
        return charset.Length == 0
            || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static Task WriteExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (exception is BadHttpRequestException badRequest)
        {
            context.Response.StatusCode = badRequest.StatusCode;
            return WriteAsync(context.Response, MessageFor(badRequest.StatusCode));
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return WriteAsync(context.Response, MessageFor(StatusCodes.Status500InternalServerError));
    }

    private static Task WriteAsync(HttpResponse response, string message) =>
        response.WriteAsJsonAsync(FailureEnvelope.Of(message), ApiJson.Default);

    private static string MessageFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status401Unauthorized => "Authentication is required: send a valid bearer token.",
        StatusCodes.Status403Forbidden => "You are not allowed to do this.",
        StatusCodes.Status404NotFound => "The requested resource was not found.",
        StatusCodes.Status405MethodNotAllowed => "This method is not allowed on this resource.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
        StatusCodes.Status429TooManyRequests => "Too many requests; slow down and try again.",
        >= 500 => "Something went wrong on our side. Please try again.",
        _ => "The request could not be completed.",
    };
}
