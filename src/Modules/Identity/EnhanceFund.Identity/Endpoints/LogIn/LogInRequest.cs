namespace EnhanceFund.Identity.Endpoints.LogIn;

public sealed class LogInRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
