// The npm package's sources were written against Unity's implicit usings; they need System.Reflection.
global using System.Reflection;
