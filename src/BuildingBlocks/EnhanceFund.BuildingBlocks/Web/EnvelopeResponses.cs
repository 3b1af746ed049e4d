using EnhanceFund.BuildingBlocks.Domain;
using FastEndpoints;
using Microsoft.AspNetCore.Http;

namespace EnhanceFund.BuildingBlocks.Web;

/// <summary>How endpoints answer: a result becomes the success envelope or the failure envelope with its status.</summary>
public static class EnvelopeResponses
{
    public static Task SendSuccessAsync<T>(
        this HttpResponse response, string message, T data, int status = StatusCodes.Status200OK,
        CancellationToken cancellationToken = default) =>
        response.SendAsync(new SuccessEnvelope<T>(message, data), status, cancellation: cancellationToken);

    public static Task SendErrorAsync(this HttpResponse response, Error error, CancellationToken cancellationToken = default) =>
        response.SendAsync(FailureEnvelope.Of(error.Message, error.Field), StatusOf(error.Kind), cancellation: cancellationToken);

    public static Task SendResultAsync<T, TData>(
        this HttpResponse response, Result<T> result, string message, Func<T, TData> toData,
        int status = StatusCodes.Status200OK, CancellationToken cancellationToken = default) =>
        result.IsSuccess
            ? response.SendSuccessAsync(message, toData(result.Value!), status, cancellationToken)
            : response.SendErrorAsync(result.Error!, cancellationToken);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };
}
