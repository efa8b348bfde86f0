namespace MediaGate.Data.Retention;

/// <summary>An object that is to be deleted from a store once <paramref name="DueAt"/> has passed.</summary>
/// <param name="Store">The store it is in.</param>
/// <param name="ObjectKey">Its key.</param>
/// <param name="Reason">Why.</param>
/// <param name="DueAt">From when a sweep may delete it.</param>
public sealed record PendingDeletion(DeletionStore Store, string ObjectKey, DeletionReason Reason, DateTimeOffset DueAt);
