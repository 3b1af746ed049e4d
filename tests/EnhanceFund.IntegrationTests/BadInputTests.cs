using System.Net;
using System.Net.Http.Headers;
using EnhanceFund.IntegrationTests.Infrastructure;

namespace EnhanceFund.IntegrationTests;

/// <summary>API.md's rules for bad input: the envelope, the right status, the field named, and no money moved.</summary>
public sealed class BadInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    public static TheoryData<string> BadAmounts() =>
    [
        """{"amount": 0}""", """{"amount": -5}""", """{"amount": 10.005}""", """{"amount": "100"}""",
        """{"amount": null}""", """{"amount": "NaN"}""", """{"amount": 1000000.01}""", """{}""", """{"amount": 1e400}""",
        """{"amount": true}""",
        // Three decimals as written, though equal to a cent; and more digits than a decimal holds, which the parser
        // would round to 10 and move.
        """{"amount": 10.000}""", """{"amount": 10.0000000000000000000000000001}""",
    ];

    [Theory]
    [MemberData(nameof(BadAmounts))]
    public async Task A_bad_amount_is_a_400_naming_the_field_and_moves_no_money(string body)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 50m });

        foreach (var path in new[] { "/api/wallet/deposits", "/api/wallet/withdrawals" })
        {
            var response = await user.PostRawAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(0, response.Body["code"]!.GetValue<int>());
            Assert.NotEmpty(response.Body["message"]!.GetValue<string>());
            Assert.True(response.Errors.ContainsKey("amount"), response.ToString());
        }

        Assert.Equal(50.00m, await user.BalanceAsync());
    }

    [Fact]
    public async Task The_largest_amount_is_accepted_at_the_cent()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var response = await user.PostAsync("/api/wallet/deposits", new { amount = 1_000_000.00m });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal(1_000_000.00m, await user.BalanceAsync());
    }

    [Theory]
    [InlineData("not json at all", "body")]
    [InlineData("""[1, 2]""", "body")]
    // The parser names where it stopped: a truncated amount is the amount's fault.
    [InlineData("""{"amount": 5""", "amount")]
    public async Task A_malformed_body_is_a_400(string body, string field)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var response = await user.PostRawAsync("/api/wallet/deposits", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
        Assert.Equal(0.00m, await user.BalanceAsync());
    }

    // Parsers disagree on which of two same-named fields wins (a proxy may read the first, we the last), so a body
    // that names a field twice is refused rather than read one way.
    [Theory]
    [InlineData("/api/wallet/deposits")]
    [InlineData("/api/wallet/withdrawals")]
    public async Task A_field_sent_twice_is_a_400_naming_it_and_moves_no_money(string path)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 50m });

        var response = await user.PostRawAsync(path, """{"amount": 0.01, "amount": 40}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("amount is given more than once.", Assert.Single(response.Errors["amount"]!.AsArray())!.GetValue<string>());
        Assert.Equal(50.00m, await user.BalanceAsync());
    }

    [Theory]
    [InlineData("/api/wallet/deposits?amount=40", """{"amount": 0.01}""")]
    [InlineData("/api/wallet/withdrawals?amount=40", """{"amount": 0.01}""")]
    [InlineData("/api/wallet/deposits?Amount=40", """{"amount": 0.01}""")]
    [InlineData("/api/wallet/deposits?amount=40", "{}")]
    public async Task A_body_field_in_the_query_string_is_a_400_naming_it_and_moves_no_money(string path, string body)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 50m });

        var response = await user.PostRawAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("amount is read from the body, not the query string.", Assert.Single(response.Errors["amount"]!.AsArray())!.GetValue<string>());
        Assert.Equal(50.00m, await user.BalanceAsync());
    }

    // The API names a two-word field one way, interest_rate: in the query string that name is refused, and the C#
    // property's name (InterestRate) names nothing, so it is ignored rather than bound over the body.
    [Theory]
    [InlineData("interest_rate=99", "interest_rate")]
    [InlineData("term_months=120", "term_months")]
    [InlineData("InterestRate=99&TermMonths=120", null)]
    [InlineData("interestrate=99&termmonths=120", null)]
    public async Task A_two_word_field_in_the_query_string_is_refused_by_its_name_and_ignored_by_any_other(string query, string? refused)
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");

        var response = await borrower.PostRawAsync($"/api/loans?{query}",
            """{"amount": 1000, "interest_rate": 5, "term_months": 12, "purpose": "Shop fit-out"}""");

        if (refused is not null)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal($"{refused} is read from the body, not the query string.",
                Assert.Single(response.Errors[refused]!.AsArray())!.GetValue<string>());
            return;
        }

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var loan = response.Data["loan"]!;
        Assert.Equal(5m, loan["interest_rate"]!.GetValue<decimal>());
        Assert.Equal(12, loan["term_months"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_route_id_given_again_in_the_query_string_is_a_400_naming_it()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 50m });
        var notification = (await user.NotificationsEventuallyAsync(1))[0]!["id"]!.GetValue<long>();

        var response = await user.GetAsync($"/api/notifications/{notification}?id={notification + 1000}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("id is given more than once.", Assert.Single(response.Errors["id"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_in_the_envelope()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var response = await user.PostRawAsync("/api/wallet/deposits", $$"""{"amount": 1, "padding": "{{new string('x', 100_000)}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Equal(0, response.Body["code"]!.GetValue<int>());
        Assert.Equal(0.00m, await user.BalanceAsync());
    }

    [Theory]
    [InlineData("/api/auth/login", "email", @"a\u0000@x.io")]
    [InlineData("/api/auth/login", "password", @"whatever1\u0000")]
    [InlineData("/api/auth/register", "email", @"a\u0007@x.io")]
    [InlineData("/api/auth/register", "full_name", @"Eve\u001b[31m")]
    [InlineData("/api/auth/register", "full_name", @"Eve\u0085")]
    public async Task A_control_character_in_a_sign_up_or_sign_in_field_is_a_400_naming_it(string path, string field, string value)
    {
        var body = new Dictionary<string, string>
        {
            ["email"] = $"user-{Guid.NewGuid():N}@example.test",
            ["password"] = ApiClient.Password,
            ["full_name"] = "Test User",
            ["role"] = "borrower",
        };
        body[field] = System.Text.RegularExpressions.Regex.Unescape(value);

        var response = await ApiClient.Send(fixture.Http, HttpMethod.Post, path, token: null, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal($"{field} must not contain control characters.", Assert.Single(response.Errors[field]!.AsArray())!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_JSON_is_a_415_in_the_envelope(string? contentType)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/wallet/deposits") { Content = new ByteArrayContent("amount=5"u8.ToArray()) };
        if (contentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Authorization = new("Bearer", user.Token);
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Send the request body as application/json.", body["message"]!.GetValue<string>());
        Assert.Equal(0.00m, await user.BalanceAsync());
    }

    [Fact]
    public async Task Text_limits_count_characters_as_they_are_stored_not_UTF16_units()
    {
        const string rocket = "\U0001F680"; // one character, two UTF-16 units
        var name = string.Concat(Enumerable.Repeat(rocket, 100));
        var signUp = new Dictionary<string, string>
        {
            ["email"] = $"user-{Guid.NewGuid():N}@example.test",
            ["password"] = ApiClient.Password,
            ["full_name"] = name,
            ["role"] = "borrower",
        };
        var registered = await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/register", token: null, signUp);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal(name, registered.Data["user"]!["full_name"]!.GetValue<string>());
        var borrower = new ApiClient(
            fixture.Http, registered.Data["access_token"]!.GetValue<string>(), registered.Data["user"]!["id"]!.GetValue<long>(), signUp["email"]);
        signUp["email"] = $"user-{Guid.NewGuid():N}@example.test";
        signUp["full_name"] = name + "x";
        Assert.True((await ApiClient.Send(fixture.Http, HttpMethod.Post, "/api/auth/register", token: null, signUp)).Errors.ContainsKey("full_name"));

        var purpose = string.Concat(Enumerable.Repeat(rocket, 500));
        var loan = await borrower.PostAsync("/api/loans", new { amount = 1000m, interest_rate = 5m, term_months = 12, purpose });
        Assert.Equal(HttpStatusCode.Created, loan.Status);
        Assert.Equal(purpose, loan.Data["loan"]!["purpose"]!.GetValue<string>());
        var tooLong = await borrower.PostAsync("/api/loans", new { amount = 1000m, interest_rate = 5m, term_months = 12, purpose = purpose + "x" });
        Assert.True(tooLong.Errors.ContainsKey("purpose"), tooLong.ToString());
    }

    [Fact]
    public async Task A_loan_purpose_may_span_lines_but_not_carry_a_NUL()
    {
        var borrower = await ApiClient.RegisterAsync(fixture.Http, "borrower");
        const string loan = """{"amount": 1000, "interest_rate": 5, "term_months": 12, "purpose": "%s"}""";

        var nul = await borrower.PostRawAsync("/api/loans", loan.Replace("%s", "Shop\\u0000fit-out"));
        Assert.Equal(HttpStatusCode.BadRequest, nul.Status);
        Assert.True(nul.Errors.ContainsKey("purpose"), nul.ToString());

        var lines = await borrower.PostRawAsync("/api/loans", loan.Replace("%s", "Shop fit-out:\\r\\n\\tshelves"));
        Assert.Equal(HttpStatusCode.Created, lines.Status);
        Assert.Equal("Shop fit-out:\r\n\tshelves", lines.Data["loan"]!["purpose"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("is_read=maybe", "is_read")]
    [InlineData("type=loan_exploded", "type")]
    [InlineData("before_id=-1", "before_id")]
    [InlineData("after_id=0", "after_id")]
    [InlineData("before_id=5&after_id=3", "after_id")]
    [InlineData("after_seq=-1", "after_seq")]
    [InlineData("after_seq=abc", "after_seq")]
    [InlineData("after_seq=1.5", "after_seq")]
    [InlineData("after_seq=3&after_id=3", "after_seq")]
    public async Task A_bad_notifications_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var response = await user.GetAsync($"/api/notifications?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey(field), response.ToString());
    }

    [Theory]
    [InlineData("""{"is_read": "yes"}""", "is_read")]
    [InlineData("""{}""", "is_read")]
    [InlineData("""{"is_read": null}""", "is_read")]
    public async Task A_bad_read_state_is_a_400(string body, string field)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 5m });
        var id = (await user.NotificationsEventuallyAsync(1))[0]!["id"]!.GetValue<long>();

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/notifications/{id}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", user.Token);
        using var response = await fixture.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", text);
    }

    [Theory]
    [InlineData("GET", "/api/wallet")]
    [InlineData("GET", "/api/notifications")]
    [InlineData("GET", "/api/notifications/unread-count")]
    [InlineData("POST", "/api/notifications/mark-all-read")]
    [InlineData("POST", "/api/wallet/deposits")]
    [InlineData("GET", "/api/auth/me")]
    public async Task No_token_or_a_forged_token_is_a_401_in_the_envelope(string method, string path)
    {
        foreach (var token in new string?[] { null, "not-a-jwt", ForgedToken })
        {
            var response = await ApiClient.Send(fixture.Http, new HttpMethod(method), path, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
            Assert.Equal(0, response.Body["code"]!.GetValue<int>());
        }
    }

    // A structurally valid token signed with another key.
    private const string ForgedToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIiwiaXNzIjoiZW5oYW5jZWZ1bmQiLCJhdWQiOiJlbmhhbmNlZnVuZC1jbGllbnRzIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmVkLXdpdGgtYW5vdGhlci1rZXktZm9yZ2VkLXRva2Vu";

    [Theory]
    [InlineData("GET", "/api/notifications/0")]
    [InlineData("PATCH", "/api/notifications/-3")]
    [InlineData("GET", "/api/loans/0")]
    [InlineData("GET", "/api/loans/-1")]
    public async Task A_route_id_that_is_not_positive_is_a_400_naming_id(string method, string path)
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var response = await ApiClient.Send(fixture.Http, new HttpMethod(method), path, user.Token, method == "PATCH" ? new { is_read = true } : null);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Errors.ContainsKey("id"), response.ToString());
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_answer_in_the_envelope()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var missing = await user.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(0, missing.Body["code"]!.GetValue<int>());
        var wrongMethod = await ApiClient.Send(fixture.Http, HttpMethod.Delete, "/api/wallet", user.Token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal(0, wrongMethod.Body["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_request_is_a_409_and_a_bad_key_a_400()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        var first = await user.PostAsync("/api/wallet/deposits", new { amount = 10m }, idempotencyKey: "key-1");
        Assert.Equal(HttpStatusCode.Created, first.Status);

        var otherBody = await user.PostAsync("/api/wallet/deposits", new { amount = 11m }, idempotencyKey: "key-1");
        Assert.Equal(HttpStatusCode.Conflict, otherBody.Status);
        var otherOperation = await user.PostAsync("/api/wallet/withdrawals", new { amount = 10m }, idempotencyKey: "key-1");
        Assert.Equal(HttpStatusCode.Conflict, otherOperation.Status);

        var tooLong = await user.PostAsync("/api/wallet/deposits", new { amount = 10m }, idempotencyKey: new string('k', 256));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.True(tooLong.Errors.ContainsKey("idempotency_key"));

        // A body field never stands in for the header.
        await user.PostRawAsync("/api/wallet/deposits", """{"amount": 10, "idempotency_key": "key-1"}""");
        Assert.Equal(20.00m, await user.BalanceAsync());
    }

    [Fact]
    public async Task Withdrawing_more_than_the_balance_is_a_409_and_moves_no_money()
    {
        var user = await ApiClient.RegisterAsync(fixture.Http);
        await user.PostAsync("/api/wallet/deposits", new { amount = 30m });
        var response = await user.PostAsync("/api/wallet/withdrawals", new { amount = 30.01m });
        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.True(response.Errors.ContainsKey("amount"));
        Assert.Equal(30.00m, await user.BalanceAsync());
        var history = (await user.GetAsync("/api/wallet/transactions")).Data["transactions"]!.AsArray();
        Assert.Single(history);
    }
}
