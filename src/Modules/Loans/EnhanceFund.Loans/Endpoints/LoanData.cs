using EnhanceFund.Loans.Application;

namespace EnhanceFund.Loans.Endpoints;

/// <summary>The <c>data</c> of every answer about one loan: <c>{"loan": {...}}</c>.</summary>
public sealed record LoanData(LoanDto Loan)
{
    public static LoanData Of(LoanDto loan) => new(loan);
}
