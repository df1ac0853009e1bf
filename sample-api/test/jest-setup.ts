// Integration tests start Java and Node processes and write hundreds of items; on a busy
// 2-core machine one step can pass jest's 5 s default. `testTimeout` in a jest project entry is
// ignored (jest reads it from the global config only), so the project sets it here.
jest.setTimeout(60_000);
