using EnhanceFund.BuildingBlocks.Domain;
using EnhanceFund.BuildingBlocks.Persistence;
using EnhanceFund.Investments.Domain;
using EnhanceFund.Investments.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace EnhanceFund.Investments.Application;

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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        if (command.IdempotencyKey is { } key)
        {
            // Retries of one key queue here, so the lookup below cannot race the first one's insert.
            await db.LockIdempotencyKeyAsync(command.InvestorId, key, cancellationToken);
            if (await db.IdempotencyRecords.FindAsync([command.InvestorId, key], cancellationToken) is { } first)
                return first.Replay<InvestmentDto>(request);
        }

        var now = clock.GetUtcNow();
        var investment = Investment.Make(await db.NextInvestmentIdAsync(cancellationToken), command.InvestorId, command.LoanId, amount, now);
        var dto = InvestmentDto.From(investment);
        db.Investments.Add(investment);
        if (command.IdempotencyKey is not null)
            db.IdempotencyRecords.Add(IdempotencyRecord.Of<InvestmentDto>(command.InvestorId, command.IdempotencyKey, request, dto, now));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return dto;
    }
}
