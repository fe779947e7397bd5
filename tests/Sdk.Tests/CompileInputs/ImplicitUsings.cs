// The global usings that the .NET SDK adds to a Microsoft.NET.Sdk project with <ImplicitUsings>enable</ImplicitUsings>.
// Roslyn does not add them by itself, so the example compile check passes this file along for projects that enable them.
// Not compiled into the test project (see its csproj).
global using global::System;
global using global::System.Collections.Generic;
global using global::System.IO;
global using global::System.Linq;
global using global::System.Net.Http;
global using global::System.Threading;
global using global::System.Threading.Tasks;
