using EnhanceFund.Identity.Domain;

namespace EnhanceFund.UnitTests.Domain;

public sealed class UserSignInTests
{
    private static readonly DateTimeOffset Changed = new(2026, 1, 15, 10, 30, 0, 700, TimeSpan.Zero);

    private static User Admin() => User.Register(1, "admin@example.test", "Admin", "admin", Changed.AddDays(-1));

    [Fact]
    public void A_password_change_ends_the_sign_ins_of_earlier_seconds_and_no_later_ones()
    {
        var user = Admin();
        Assert.True(user.HonoursSignInAt(Changed.AddHours(-1)));

        user.ChangePassword("new-hash", Changed);

        Assert.False(user.HonoursSignInAt(Changed.AddHours(-1)));
        Assert.False(user.HonoursSignInAt(WholeSecond(Changed).AddSeconds(-1)));
        // A token dates a sign-in to its second: one made just after the change, in the same second, stands.
        Assert.True(user.HonoursSignInAt(WholeSecond(Changed)));
        Assert.True(user.HonoursSignInAt(Changed.AddSeconds(1)));
    }

    [Fact]
    public void A_retired_account_honours_no_sign_in_until_it_is_reinstated_and_none_from_before_after()
    {
        var user = Admin();
        user.Retire(Changed.AddMinutes(-10));
        Assert.False(user.HonoursSignInAt(Changed.AddMinutes(-20)));

        user.Reinstate(Changed);
        Assert.True(user.HonoursSignInAt(Changed.AddSeconds(1)));
        Assert.False(user.HonoursSignInAt(Changed.AddMinutes(-20)), "a sign-in from before the retirement came back");
    }

    [Fact]
    public void Hashing_the_same_password_anew_ends_no_sign_in()
    {
        var user = Admin();
        user.SetPasswordHash("rehashed");
        Assert.True(user.HonoursSignInAt(Changed.AddDays(-1)));
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
