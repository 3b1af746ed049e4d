using System.Globalization;
using EnhanceFund.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EnhanceFund.IntegrationTests.Browser;

/// <summary>One tab of the reference web client, driven the way a person uses it: by its labelled controls.</summary>
public sealed class WebApp
{
    private readonly List<string> _pageErrors = [];
    private int _hubConnectionsClosed;

    private WebApp(IPage page)
    {
        Page = page;
        page.WebSocket += (_, socket) => socket.Close += (_, _) => Interlocked.Increment(ref _hubConnectionsClosed);
        // An uncaught exception in the client is a bug even when the screen happens to look right.
        page.PageError += (_, error) => _pageErrors.Add(error);
        // So is anything the page's Content-Security-Policy had to refuse: the page would be missing a piece.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                _pageErrors.Add(message.Text);
        };
    }

    public IPage Page { get; }

    public ILocator Badge => Page.GetByTestId("unread-badge");

    public ILocator Toasts => Page.GetByTestId("toast");

    public ILocator Notifications => Page.GetByTestId("notification-item");

    public ILocator Connection => Page.GetByTestId("connection-status");

    public ILocator Balance => Page.GetByTestId("wallet-balance");

    public ILocator Error => Page.GetByTestId("error-message");

    public IReadOnlyList<string> PageErrors => _pageErrors;

    /// <summary>How many of the tab's WebSockets (its hub connections: the page opens no other) have closed.</summary>
    public int HubConnectionsClosed => Volatile.Read(ref _hubConnectionsClosed);

    /// <summary>A new tab on the client's start page; signed in already if its context has a session.</summary>
    public static async Task<WebApp> OpenAsync(IBrowserContext context)
    {
        var app = new WebApp(await context.NewPageAsync());
        await app.Page.GotoAsync("/");
        return app;
    }

    /// <summary>Opens a tab and signs in through the form, as a person would.</summary>
    public static async Task<WebApp> SignInAsync(IBrowserContext context, string email, string password = ApiClient.Password)
    {
        var app = await OpenAsync(context);
        await app.SubmitSignInAsync(email, password);
        await app.WaitUntilLiveAsync();
        return app;
    }

    /// <summary>Fills the sign-in form and submits it; what the page then loads is not waited for.</summary>
    public async Task SubmitSignInAsync(string email, string password = ApiClient.Password)
    {
        await Page.GetByTestId("auth-email").FillAsync(email);
        await Page.GetByTestId("auth-password").FillAsync(password);
        await Page.GetByTestId("login-button").ClickAsync();
    }

    /// <summary>Signs out and signs <paramref name="email"/> in, as a person switching accounts does.</summary>
    public async Task SwitchUserAsync(string email)
    {
        await Page.GetByTestId("logout-button").ClickAsync();
        await SubmitSignInAsync(email);
        await WaitUntilLiveAsync();
        await Expect(Page.GetByTestId("current-user")).ToHaveAttributeAsync("title", email);
    }

    /// <summary>The page is shown and its hub connection is up: from here on, pushes reach it.</summary>
    public async Task WaitUntilLiveAsync()
    {
        await Expect(Page.GetByTestId("current-user")).ToBeVisibleAsync();
        await Expect(Connection).ToHaveAttributeAsync("data-state", "connected");
    }

    public async Task DepositAsync(decimal amount)
    {
        await Page.GetByTestId("deposit-amount").FillAsync(Text(amount));
        await Page.GetByTestId("deposit-button").ClickAsync();
    }

    public async Task WithdrawAsync(decimal amount)
    {
        await Page.GetByTestId("withdraw-amount").FillAsync(Text(amount));
        await Page.GetByTestId("withdraw-button").ClickAsync();
    }

    public Task ExpectBalanceAsync(decimal amount) => Expect(Balance).ToHaveTextAsync(Money(amount));

    public Task ExpectUnreadAsync(int count) => Expect(Badge).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));

    public async Task OpenNotificationsAsync()
    {
        var bell = Page.GetByTestId("notification-bell");
        if (await bell.GetAttributeAsync("aria-expanded") != "true") await bell.ClickAsync();
        await Expect(Page.GetByTestId("notification-dropdown")).ToBeVisibleAsync();
    }

    /// <summary>What the notification list shows, top to bottom.</summary>
    public async Task<IReadOnlyList<ListedNotification>> ListedAsync()
    {
        var rows = await Notifications.EvaluateAllAsync<string[][]>(
            "items => items.map(i => [i.dataset.notificationId, i.dataset.type, String(i.classList.contains('unread'))])");
        return rows.Select(r => new ListedNotification(long.Parse(r[0], CultureInfo.InvariantCulture), r[1], r[2] == "true")).ToList();
    }

    /// <summary>One notification of the list, by id.</summary>
    public ILocator Item(long notificationId) => Page.Locator($"[data-testid=notification-item][data-notification-id='{notificationId}']");

    /// <summary>A switch of the preferences panel: <paramref name="setting"/> is <c>in_app</c> or <c>live</c>.</summary>
    public ILocator Preference(string type, string setting) =>
        Page.Locator($"[data-testid=preference-row][data-type='{type}']").GetByTestId($"preference-{setting}");

    public async Task OpenPreferencesAsync()
    {
        await OpenNotificationsAsync();
        var button = Page.GetByTestId("preferences-button");
        if (await button.GetAttributeAsync("aria-expanded") != "true") await button.ClickAsync();
        await Expect(Page.GetByTestId("preferences-panel")).ToBeVisibleAsync();
    }

    public ILocator LoanRow(long loanId) => Page.Locator($"[data-testid=loan-row][data-loan-id='{loanId}']");

    public ILocator InvestmentRow(long investmentId) => Page.Locator($"[data-testid=investment-row][data-investment-id='{investmentId}']");

    public static string Money(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}

public sealed record ListedNotification(long Id, string Type, bool Unread);
