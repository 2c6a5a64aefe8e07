public enum InstSwiftOTelPlaceholder {}
