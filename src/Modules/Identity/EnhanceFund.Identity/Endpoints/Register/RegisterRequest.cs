namespace EnhanceFund.Identity.Endpoints.Register;

public sealed class RegisterRequest
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? FullName { get; set; }

    public string? Role { get; set; }
}
