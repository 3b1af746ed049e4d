using System.Text.Json;

namespace EnhanceFund.BuildingBlocks.Messaging;

/// <summary>How integration events are stored in the outbox: one format, shared by the writer and the relay.</summary>
internal static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);
}
