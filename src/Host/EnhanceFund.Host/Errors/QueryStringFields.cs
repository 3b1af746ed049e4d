using System.Collections.Concurrent;
using System.Reflection;
using EnhanceFund.BuildingBlocks.Web;
using FastEndpoints;
using FluentValidation.Results;

namespace EnhanceFund.Host.Errors;

/// <summary>
/// FastEndpoints binds the query string after the body and the route, so a query value silently replaced them:
/// <c>POST /api/wallet/withdrawals?amount=900</c> with <c>{"amount": 1}</c> withdrew 900, and
/// <c>/api/notifications/5?id=8</c> read notification 8. As with a field named twice in a body, a proxy or a log could
/// read one value and the API act on another. So the query string is read only where a request declares it: a GET's
/// fields (the list filters) and fields marked <see cref="QueryParamAttribute"/> (mark-all-read's type). Elsewhere a
/// query parameter naming a field of the request is a 400, and so, on any request, is one naming a route value.
/// Parameters that name no field are ignored, like unknown body fields. A field's name here is the one FastEndpoints
/// binds it by (its <see cref="BindFromAttribute"/>, else the API's snake_case name, as <c>UsePropertyNamingPolicy</c>
/// is on), so no spelling of a field reaches the binder unchecked.
/// </summary>
internal static class QueryStringFields
{
    private static readonly ConcurrentDictionary<Type, Field[]> FieldsByType = new();

    /// <summary>Run after a request of <paramref name="type"/> is bound, before it is validated (FastEndpoints' binding modifier).</summary>
    public static void Check(Type type, BinderContext context)
    {
        var http = context.HttpContext.Request;
        if (http.Query.Count == 0) return;

        // The endpoint answers with the failures of the context's list, whatever the exception carries.
        var failures = context.ValidationFailures;
        var fields = FieldsOf(type);
        foreach (var key in http.Query.Keys)
        {
            if (fields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase)) is not { } field) continue;
            if (http.RouteValues.ContainsKey(field.Name))
                failures.Add(ValidationEnvelope.GivenTwice(field.Name));
            else if (!field.FromQuery && !HttpMethods.IsGet(http.Method))
                failures.Add(new ValidationFailure(field.Name, $"{field.Name} is read from the body, not the query string."));
        }

        if (failures.Count > 0) throw new ValidationFailureException(failures, "A query parameter names a field it may not give.");
    }

    private static Field[] FieldsOf(Type type) => FieldsByType.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => new Field(
                p.GetCustomAttribute<BindFromAttribute>()?.Name ?? ApiJson.FieldName(p.Name),
                p.IsDefined(typeof(QueryParamAttribute))))
            .ToArray());

    /// <summary>A field of a request as the API names it, and whether the request declares it a query parameter.</summary>
    private sealed record Field(string Name, bool FromQuery);
}
