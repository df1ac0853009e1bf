/**
 * The chunks of a stream body as bytes: strings are UTF-8 encoded, bytes pass as they are.
 * Breaking out of a `for await` over it (or calling `return`) stops the producer: a Node
 * `Readable` is destroyed, a `ReadableStream` cancelled, a generator's `finally` runs.
 *
 * @throws TypeError from the iteration when the stream yields anything else.
 */
export async function* streamChunks(body: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    if (typeof chunk === 'string') yield Buffer.from(chunk);
    else if (chunk instanceof Uint8Array) yield chunk;
    else {
      throw new TypeError(
        `A stream body yielded ${chunk === null ? 'null' : typeof chunk}; only strings and bytes can be sent.`,
      );
    }
  }
}

/** Stops a stream body that will not be read (a HEAD request, a 204), so its producer ends. */
export async function cancelStream(body: AsyncIterable<unknown>): Promise<void> {
  await body[Symbol.asyncIterator]().return?.();
}
