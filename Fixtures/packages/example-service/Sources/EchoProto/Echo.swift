// The Echo service's messages, client and server are generated from echo.proto at build time by grpc-swift-protobuf's
// GRPCProtobufGenerator plugin (see grpc-swift-proto-generator-config.json).
@_exported import GRPCCore
