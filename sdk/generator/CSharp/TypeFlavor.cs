namespace ConfluentFlink.SdkGen.CSharp;

/// <summary>
/// Where a schema type is used, which decides the C# class an object type maps to
/// (Pulumi generates one class per use so inputs can hold outputs of other resources and outputs are immutable).
/// </summary>
public enum TypeFlavor
{
    /// <summary>Resource outputs and function results: <c>Outputs.X</c>.</summary>
    Output,
    /// <summary>Resource args and the function's Invoke args: <c>Inputs.XArgs</c>, values wrapped in <c>Input&lt;T&gt;</c>.</summary>
    Input,
    /// <summary>The state bag of <c>Get</c>: <c>Inputs.XGetArgs</c>.</summary>
    State,
    /// <summary>The function's InvokeAsync args: <c>Inputs.X</c>, plain values.</summary>
    Plain,
}
