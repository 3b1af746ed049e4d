using System.Text.Json.Nodes;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>Notification ids as the API lists them, in its order.</summary>
public static class NotificationJson
{
    public static long[] Ids(this JsonArray notifications) => notifications.Select(n => n!["id"]!.GetValue<long>()).ToArray();

    /// <summary>The ids of a page's <c>notifications</c>.</summary>
    public static long[] NotificationIds(this JsonObject page) => page["notifications"]!.AsArray().Ids();
}
