using EnhanceFund.Identity.Domain;
using EnhanceFund.Identity.Infrastructure;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EnhanceFund.IntegrationTests;

/// <summary>
/// A save that fails leaves the context as if it had not written the events: the instance that loses a race for an
/// email (the admin seeder, two instances starting at once) drops the account it could not insert and saves on.
/// </summary>
public sealed class OutboxWriterTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_save_that_failed_takes_back_its_outbox_rows_and_leaves_the_events_with_their_aggregate()
    {
        var taken = await ApiClient.RegisterAsync(fixture.Http);
        using var scope = fixture.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var duplicate = User.Register(
            await db.NextIdAsync(IdentityDbContext.UserIds, CancellationToken.None), taken.Email, "Second Comer", "investor", DateTimeOffset.UtcNow);
        duplicate.SetPasswordHash("not a hash anyone signs in with");
        db.Users.Add(duplicate);
        var registered = Assert.Single(duplicate.DomainEvents);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.Entry(duplicate).State = EntityState.Detached;
        await db.SaveChangesAsync();

        var stray = await new Ledger(fixture.Database).CountAsync(
            $"SELECT count(*) FROM identity.outbox_messages WHERE id = '{registered.EventId}'");
        Assert.Equal(0, stray);
        // Kept for a save that would store the account after all.
        Assert.Equal([registered], duplicate.DomainEvents);
    }
}
