using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Investments.Domain;
using EnhanceFund.Investments.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Investments.Application.MakeInvestment;

public sealed record MakeInvestment(long InvestorId, long LoanId, decimal Amount, string? IdempotencyKey) : IRequest<Result<InvestmentDto>>;

/// <summary>
/// Records the investment as pending and starts the saga (InvestmentRequested, through the outbox). Nothing else
/// is checked here: whether the money and the loan are there is for Wallet and Loans to say.
/// </summary>
internal sealed class MakeInvestmentHandler(InvestmentsDbContext db, TimeProvider clock) : IRequestHandler<MakeInvestment, Result<InvestmentDto>>
{
    public async Task<Result<InvestmentDto>> Handle(MakeInvestment command, CancellationToken cancellationToken)
    {
        var amount = Money.Of(command.Amount);
        var request = $"investment:{command.LoanId}:{amount.Amount}";
        if (await FirstOutcomeAsync(command, request, cancellationToken) is { } replay) return replay;

        var now = clock.GetUtcNow();
        var investment = Investment.Make(await db.NextInvestmentIdAsync(cancellationToken), command.InvestorId, command.LoanId, amount, now);
        var dto = InvestmentDto.From(investment);
        db.Investments.Add(investment);
        if (command.IdempotencyKey is { } key)
            db.IdempotencyRecords.Add(IdempotencyRecord.Of<InvestmentDto>(command.InvestorId, key, request, dto, now));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return dto;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation("pk_idempotency_records"))
        {
            // A concurrent retry under the same key committed first: its investment stands, and this one never existed.
            db.ChangeTracker.Clear();
            return (await FirstOutcomeAsync(command, request, cancellationToken))!;
        }
    }

    private async Task<Result<InvestmentDto>?> FirstOutcomeAsync(MakeInvestment command, string request, CancellationToken cancellationToken) =>
        command.IdempotencyKey is { } key
        && await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(
            r => r.UserId == command.InvestorId && r.Key == key, cancellationToken) is { } first
            ? first.Replay<InvestmentDto>(request)
            : null;
}
