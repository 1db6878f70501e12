// worklet.js: an AudioWorkletProcessor that collects the microphone's
// samples (mono, at the AudioContext's rate) into chunks of about 20 ms and
// posts each chunk to the page as a Float32Array, whose buffer it transfers.
'use strict';

class PCMCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.size = Math.max(128, Math.round(sampleRate / 50)); // 20 ms
    this.chunk = new Float32Array(this.size);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0]; // mono: the node mixes down
    if (!channel) {
      return true; // no input connected yet
    }
    let i = 0;
    while (i < channel.length) {
      const n = Math.min(channel.length - i, this.size - this.filled);
      this.chunk.set(channel.subarray(i, i + n), this.filled);
      this.filled += n;
      i += n;
      if (this.filled === this.size) {
        this.port.postMessage(this.chunk, [this.chunk.buffer]);
        this.chunk = new Float32Array(this.size);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('pcm-capture', PCMCapture);
