using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EnhanceFund.IntegrationTests.Infrastructure;

/// <summary>A signed-in user of the API, speaking plain HTTP and JSON as any frontend would.</summary>
public sealed class ApiClient(HttpClient http, string token, long userId, string email)
{
    /// <summary>Every test user's password, so a browser test can sign in as a user the API registered.</summary>
    public const string Password = "correct-horse-battery";

    public string Token { get; } = token;

    public long UserId { get; } = userId;

    /// <summary>The address the user signs in with, as a browser test types it.</summary>
    public string Email { get; } = email;

    public HttpClient Http { get; } = http;

    public static async Task<ApiClient> RegisterAsync(HttpClient http, string role = "investor", string? email = null)
    {
        email ??= $"{role}-{Guid.NewGuid():N}@example.test";
        var response = await Send(http, HttpMethod.Post, "/api/auth/register", null,
            new { email, password = Password, full_name = "Test User", role });
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return FromSignIn(http, response.Body);
    }

    /// <summary>A new user whose deposits (of $10, $20, ...) and $1 withdrawals have all been notified.</summary>
    public static async Task<ApiClient> WithNotificationsAsync(HttpClient http, int deposits, int withdrawals = 0)
    {
        var user = await RegisterAsync(http);
        for (var i = 1; i <= deposits; i++) await user.DepositAsync(10m * i);
        for (var i = 1; i <= withdrawals; i++) Assert.Equal(HttpStatusCode.Created, (await user.PostAsync("/api/wallet/withdrawals", new { amount = 1m })).Status);
        await user.NotificationsEventuallyAsync(deposits + withdrawals);
        return user;
    }

    public static async Task<ApiClient> LogInAsync(HttpClient http, string email, string password)
    {
        var response = await Send(http, HttpMethod.Post, "/api/auth/login", null, new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return FromSignIn(http, response.Body);
    }

    /// <summary>The same user, talking to another instance.</summary>
    public ApiClient Via(HttpClient other) => new(other, Token, UserId, Email);

    public Task<ApiResponse> GetAsync(string path) => Send(Http, HttpMethod.Get, path, Token);

    public Task<ApiResponse> PostAsync(string path, object? body = null, string? idempotencyKey = null) =>
        Send(Http, HttpMethod.Post, path, Token, body, idempotencyKey);

    public Task<ApiResponse> PatchAsync(string path, object body) => Send(Http, HttpMethod.Patch, path, Token, body);

    public Task<ApiResponse> PatchRawAsync(string path, string rawJson) => Send(Http, HttpMethod.Patch, path, Token, new RawJson(rawJson));

    public Task<ApiResponse> DeleteAsync(string path) => Send(Http, HttpMethod.Delete, path, Token);

    public Task<ApiResponse> PostRawAsync(string path, string rawJson, string? idempotencyKey = null) =>
        Send(Http, HttpMethod.Post, path, Token, new RawJson(rawJson), idempotencyKey);

    /// <summary>A deposit the test needs to succeed: asserts its 201 and returns the answer.</summary>
    public async Task<ApiResponse> DepositAsync(decimal amount)
    {
        var deposit = await PostAsync("/api/wallet/deposits", new { amount });
        Assert.Equal(HttpStatusCode.Created, deposit.Status);
        return deposit;
    }

    public async Task<decimal> BalanceAsync() => (await GetAsync("/api/wallet")).Data["wallet"]!["balance"]!.GetValue<decimal>();

    /// <summary>The types of the wallet's history lines, oldest first.</summary>
    public async Task<string[]> TransactionTypesAsync() =>
        (await GetAsync("/api/wallet/transactions?limit=200")).Data["transactions"]!.AsArray()
        .Select(t => t!["type"]!.GetValue<string>()).Reverse().ToArray();

    public async Task<JsonArray> NotificationsAsync(string query = "")
    {
        var response = await GetAsync($"/api/notifications?limit=200{query}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data["notifications"]!.AsArray();
    }

    public async Task<int> UnreadCountAsync()
    {
        var response = await GetAsync("/api/notifications/unread-count");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Data["unread_count"]!.GetValue<int>();
    }

    public async Task<JsonArray> NotificationsEventuallyAsync(int count, string query = "") =>
        await Eventually.ReturnsAsync(() => NotificationsAsync(query), n => n.Count >= count, $"{count} notifications for user {UserId}");

    public static async Task<ApiResponse> Send(
        HttpClient http, HttpMethod method, string path, string? token, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = body switch
        {
            null => null,
            RawJson raw => new StringContent(raw.Json, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, JsonNode.Parse(text)!.AsObject(), text);
    }

    private static ApiClient FromSignIn(HttpClient http, JsonObject body)
    {
        var data = body["data"]!;
        return new(http, data["access_token"]!.GetValue<string>(), data["user"]!["id"]!.GetValue<long>(), data["user"]!["email"]!.GetValue<string>());
    }

    private sealed record RawJson(string Json);
}

public sealed record ApiResponse(HttpStatusCode Status, JsonObject Body, string Text)
{
    public JsonObject Data => Body["data"]!.AsObject();

    public JsonObject Errors => Body["errors"]!.AsObject();

    public override string ToString() => $"{(int)Status} {Text}";
}
