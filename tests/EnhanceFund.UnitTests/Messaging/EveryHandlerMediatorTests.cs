using EnhanceFund.BuildingBlocks.Mediation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.UnitTests.Messaging;

public sealed class EveryHandlerMediatorTests
{
    [Fact]
    public async Task A_failing_consumer_does_not_keep_the_others_from_their_turn()
    {
        var log = new List<string>();
        var services = new ServiceCollection()
            .AddSingleton(log)
            .AddMediatorHandlers(typeof(EveryHandlerMediatorTests).Assembly)
            .BuildServiceProvider();

        var mediator = services.CreateScope().ServiceProvider.GetRequiredService<IMediator>();
        var failure = await Assert.ThrowsAsync<AggregateException>(() => mediator.Publish(new Happened()));

        Assert.Equal(["first fails", "second runs", "third fails"], log.Order());
        Assert.Equal(2, failure.InnerExceptions.Count);
    }

    public sealed record Happened : INotification;

    public sealed class FirstFails(List<string> log) : INotificationHandler<Happened>
    {
        public Task Handle(Happened notification, CancellationToken cancellationToken)
        {
            log.Add("first fails");
            throw new InvalidOperationException("first");
        }
    }

    public sealed class SecondRuns(List<string> log) : INotificationHandler<Happened>
    {
        public Task Handle(Happened notification, CancellationToken cancellationToken)
        {
            log.Add("second runs");
            return Task.CompletedTask;
        }
    }

    public sealed class ThirdFails(List<string> log) : INotificationHandler<Happened>
    {
        public async Task Handle(Happened notification, CancellationToken cancellationToken)
        {
            await Task.Yield();
            log.Add("third fails");
            throw new InvalidOperationException("third");
        }
    }
}
