using MediatR;

namespace EnhanceFund.BuildingBlocks.Mediation;

/// <summary>
/// MediatR's default publish stops at the first handler that throws. Here every consumer of an event gets
/// its turn, and the failures are rethrown together, so the relay retries the message while consumers that
/// succeeded are spared by their inboxes.
/// </summary>
internal sealed class EveryHandlerMediator(ServiceFactory serviceFactory) : Mediator(serviceFactory)
{
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        List<Exception>? failures = null;
        using var handlers = allHandlers.GetEnumerator();
        while (true)
        {
            Task handler;
            try
            {
                if (!handlers.MoveNext()) break;
                handler = handlers.Current;
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
                continue;
            }

            try
            {
                await handler;
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null) throw new AggregateException(failures);
    }
}
