using ConfluentFlink.Provider.Values;

namespace ConfluentFlink.Provider.Resources;

/// <summary>The inputs a resource's state records for it.</summary>
public static class RecordedInputs
{
    /// <summary>
    /// The old inputs, or the outputs where the inputs are empty: state written by an import that found no inputs
    /// holds the same values in its outputs.
    /// </summary>
    public static PropertyMap Of(PropertyMap? inputs, PropertyMap outputs) => inputs is { Count: > 0 } ? inputs : outputs;
}
