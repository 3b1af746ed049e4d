namespace EnhanceFund.Notifications.Application;

/// <summary>
/// A user's unread count and the PostgreSQL snapshot it was read in. Counts of one user are read on several instances
/// and their pushes can arrive in any order; the snapshot says which is the newer.
/// </summary>
public readonly record struct VersionedUnreadCount(int Count, ReadSnapshot ReadIn);

/// <summary>
/// Where a read stands in PostgreSQL's history: its snapshot's xmax (one past the newest completed transaction id) and
/// how many transactions below xmax were still in progress. No transaction id below xmax can be handed out after the
/// snapshot, so a snapshot taken later has a greater xmax or, with the same one, only some of the earlier one's
/// transactions still in progress. Either way it sees every commit the earlier one saw: of two counts of one user the
/// one read in the later snapshot is the newer, and two read in equal snapshots saw the same commits.
/// </summary>
public readonly record struct ReadSnapshot(long Xmax, int InProgress)
{
    public bool IsLaterThan(ReadSnapshot other) => Xmax != other.Xmax ? Xmax > other.Xmax : InProgress < other.InProgress;
}
