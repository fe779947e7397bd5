namespace ConfluentFlink.FlinkApi.Tests.Support;

/// <summary>The system clock moved by <see cref="Offset"/>: lets the emulator stamp a connection as made long ago.</summary>
internal sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
