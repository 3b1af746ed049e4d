using System.Net;
using EnhanceFund.Host.Composition;

namespace EnhanceFund.UnitTests.Host;

/// <summary>Whom a sign-in attempt counts against.</summary>
public sealed class RateLimitKeyTests
{
    [Theory]
    [InlineData("2001:db8:5:6::1", "2001:db8:5:6::/64")]
    [InlineData("2001:db8:5:6:ffff:ffff:ffff:ffff", "2001:db8:5:6::/64")]
    [InlineData("2001:db8:5:7::1", "2001:db8:5:7::/64")]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.10", "203.0.113.10")]
    [InlineData("::1", "::/64")]
    public void An_IPv6_client_counts_as_its_slash_64_and_an_IPv4_client_as_its_address_however_it_arrived(string address, string key) =>
        Assert.Equal(key, RateLimits.ClientKey(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_counts_against_one_shared_key() =>
        Assert.Equal("unknown", RateLimits.ClientKey(null));
}
