// app.js: the emovox web page. It streams the microphone to /v1/stream and
// shows the live emotion, and sends a chosen file to /v1/predict and
// /v1/plot. Plain JavaScript, no libraries, nothing loaded from elsewhere.
'use strict';

const $ = (id) => document.getElementById(id);

// Colours of the emotions emovox's label sets use; other labels get a hue
// derived from their name.
const COLOURS = {
  angry: '#dc2626', calm: '#0d9488', disgust: '#65a30d', fear: '#7c3aed',
  happy: '#f59e0b', neutral: '#64748b', sad: '#2563eb', surprise: '#db2777',
  boredom: '#a16207', excited: '#ea580c', frustrated: '#b91c1c', other: '#94a3b8',
};
const TIMELINE_SECONDS = 30; // the live timeline shows the last 30 s

function colour(label) {
  if (COLOURS[label]) return COLOURS[label];
  let h = 0;
  for (const c of label) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `hsl(${h} 65% 45%)`;
}

// state is everything the page knows; live holds the open stream.
const state = {
  labels: [],
  live: null,        // {ws, audio, media, stopping}
  timeline: [],      // live predictions: {start, end, probs, silence}
  fileSegments: [],  // segments of the last file: {start, end, probs}
  fileDuration: 0,
  objectURLs: [],    // figures of the file shown
  fileGeneration: 0, // counts the files chosen, so late answers are dropped
};

// ---- errors -------------------------------------------------------------

function showError(message) {
  $('error-text').textContent = message;
  $('error').hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

// apiError turns a failed response into a message, using the server's
// {"error":{"code","message"}} body when there is one.
async function apiError(what, resp) {
  let detail = `${resp.status} ${resp.statusText}`;
  try {
    const body = await resp.json();
    if (body && body.error && body.error.message) detail = body.error.message;
  } catch (e) { /* not JSON: keep the status */ }
  if (resp.status === 401) detail += ' (enter the API key under Settings)';
  return new Error(`${what}: ${detail}`);
}

// ---- API key --------------------------------------------------------------

function apiKey() {
  return $('api-key').value.trim();
}

function authHeaders() {
  const key = apiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function setupKey() {
  const input = $('api-key');
  input.value = localStorage.getItem('emovox.apiKey') || '';
  input.addEventListener('change', () => {
    localStorage.setItem('emovox.apiKey', apiKey());
    loadModel();
  });
}

// ---- model ------------------------------------------------------------------

async function loadModel() {
  try {
    const resp = await fetch('/v1/model', { headers: authHeaders() });
    if (!resp.ok) throw await apiError('Could not load the model', resp);
    const model = await resp.json();
    state.labels = model.labels || [];
    $('model').textContent = `Model ${model.name} · ${state.labels.length} emotions · ${model.rate / 1000} kHz`;
    renderLegend($('legend'));
    renderLegend($('file-legend'));
    renderProbs($('live-probs'), null);
    drawLiveTimeline();
    clearError();
  } catch (err) {
    $('model').textContent = 'Model unavailable';
    showError(err.message);
  }
}

// ---- rendering ---------------------------------------------------------------

function renderLegend(list) {
  list.replaceChildren(...state.labels.map((label) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour(label);
    li.append(swatch, label);
    return li;
  }));
}

// renderProbs draws one bar per label, in the model's order; probs maps
// labels to probabilities, or is null for none.
function renderProbs(list, probs) {
  list.replaceChildren(...state.labels.map((label) => {
    const p = probs ? probs[label] || 0 : 0;
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'prob-name';
    name.textContent = label;
    const bar = document.createElement('span');
    bar.className = 'prob-bar';
    const fill = document.createElement('span');
    fill.className = 'prob-fill';
    fill.style.width = `${(100 * p).toFixed(1)}%`;
    fill.style.background = colour(label);
    bar.append(fill);
    const value = document.createElement('span');
    value.className = 'prob-value';
    value.textContent = probs ? `${Math.round(100 * p)}%` : '–';
    li.append(name, bar, value);
    return li;
  }));
}

// showEmotion fills an emotion display: the name big, a detail under it.
function showEmotion(el, emotion, detail) {
  el.dataset.emotion = emotion;
  el.style.setProperty('--accent', emotion ? colour(emotion) : 'var(--silence)');
  el.querySelector('.emotion-name').textContent = emotion || 'silence';
  el.querySelector('.emotion-detail').textContent = detail;
}

// drawTimeline draws items ({start, end, probs, silence}, times in s) on
// canvas between t0 and t1: one column per item, stacked by probability
// in the model's label order, with a time axis.
function drawTimeline(canvas, items, t0, t1) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  const style = getComputedStyle(canvas); // the theme's colours
  const silence = style.getPropertyValue('--silence').trim() || '#e2e8f0';
  const axis = 18, plot = height - axis;
  const x = (t) => ((t - t0) / (t1 - t0)) * width;

  g.fillStyle = style.getPropertyValue('--track').trim() || '#f1f5f9';
  g.fillRect(0, 0, width, plot);
  for (const item of items) {
    const left = Math.max(0, x(item.start)), right = Math.min(width, x(item.end));
    if (right <= left) continue;
    if (item.silence) {
      g.fillStyle = silence;
      g.fillRect(left, 0, right - left, plot);
      continue;
    }
    let y = plot;
    for (const label of state.labels) {
      const h = (item.probs[label] || 0) * plot;
      g.fillStyle = colour(label);
      g.fillRect(left, y - h, right - left + 0.5, h); // overlap hides seams
      y -= h;
    }
  }
  // Time axis: a tick and a label every 1, 2, 5, 10... s, about 80 px apart.
  g.fillStyle = style.color;
  g.font = '11px system-ui, sans-serif';
  g.textBaseline = 'top';
  const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300];
  const step = steps.find((s) => (s / (t1 - t0)) * width >= 80) || 600;
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    const px = Math.round(x(t)) + 0.5;
    g.fillRect(px, plot, 1, 4);
    const text = `${Number(t.toFixed(1))} s`;
    const w = g.measureText(text).width;
    g.fillText(text, Math.min(Math.max(px - w / 2, 0), width - w), plot + 5);
  }
}

function drawLiveTimeline() {
  const items = state.timeline;
  const end = items.length ? items[items.length - 1].end : 0;
  const t1 = Math.max(TIMELINE_SECONDS, end);
  drawTimeline($('timeline'), items, t1 - TIMELINE_SECONDS, t1);
}

function drawFileTimeline() {
  if (!state.fileDuration) return;
  drawTimeline($('file-timeline'), state.fileSegments, 0, state.fileDuration);
}

// ---- live microphone ---------------------------------------------------------

function streamURL(rate) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  let url = `${scheme}//${location.host}/v1/stream?rate=${rate}`;
  if (apiKey()) url += `&key=${encodeURIComponent(apiKey())}`;
  return url;
}

// toInt16 converts samples in [-1, 1] to 16-bit PCM, clipping.
function toInt16(samples) {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    out[i] = Math.round(s * 32767);
  }
  return out;
}

async function startLive() {
  clearError();
  if (!navigator.mediaDevices || !window.AudioWorkletNode) {
    showError('This browser cannot capture the microphone here (it needs HTTPS or localhost, and AudioWorklet support).');
    return;
  }
  $('start').disabled = true;
  let media, audio;
  try {
    // Raw audio: the model was trained on unprocessed recordings.
    media = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    audio = new AudioContext();
    await audio.audioWorklet.addModule('worklet.js');
  } catch (err) {
    if (media) media.getTracks().forEach((t) => t.stop());
    if (audio) audio.close();
    $('start').disabled = false;
    showError(`Could not start the microphone: ${err.message || err.name}`);
    return;
  }
  const ws = new WebSocket(streamURL(audio.sampleRate));
  ws.binaryType = 'arraybuffer';
  const live = { ws, audio, media, stopping: false };
  state.live = live;
  state.timeline = [];
  drawLiveTimeline();
  $('live-status').textContent = `Connecting… (microphone at ${audio.sampleRate} Hz)`;

  ws.onopen = () => {
    const source = audio.createMediaStreamSource(media);
    const node = new AudioWorkletNode(audio, 'pcm-capture', {
      numberOfInputs: 1, numberOfOutputs: 1, channelCount: 1, channelCountMode: 'explicit',
    });
    node.port.onmessage = (e) => {
      if (ws.readyState === WebSocket.OPEN && !live.stopping) ws.send(toInt16(e.data).buffer);
    };
    source.connect(node);
    node.connect(audio.destination); // silent: the node writes no output, but is pulled
    $('stop').disabled = false;
    $('live-status').textContent = `Listening at ${audio.sampleRate} Hz…`;
    $('live-status').classList.add('live');
  };
  ws.onmessage = (e) => onLiveMessage(JSON.parse(e.data));
  ws.onerror = () => {}; // onclose follows and reports
  ws.onclose = (e) => {
    endLive(live);
    const ended = e.code === 1000 || (live.stopping && e.code === 1006); // 1006: stopped while connecting
    if (ended || !$('error').hidden) return; // a normal end, or the server's error message is shown
    showError(`The live stream closed (${e.code}${e.reason ? ': ' + e.reason : ''}). Is the server running${apiKey() ? '' : ', and does it need an API key'}?`);
  };
}

// formatTime writes seconds as m:ss.
function formatTime(s) {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

function onLiveMessage(msg) {
  if (msg.type === 'error') {
    showError(`Live stream: ${msg.message}`);
    return;
  }
  if (msg.type !== 'prediction') return;
  // Each column runs from the previous prediction (or the start of the
  // first window) to this one.
  const prev = state.timeline.length ? state.timeline[state.timeline.length - 1].end : msg.t_s - msg.window_s;
  state.timeline.push({ start: prev, end: msg.t_s, probs: msg.probabilities || {}, silence: msg.silence });
  // Keep what the timeline shows, and a little more.
  while (state.timeline.length && state.timeline[0].end < msg.t_s - 2 * TIMELINE_SECONDS) state.timeline.shift();
  const el = $('live-emotion');
  el.dataset.t = String(msg.t_s);
  $('live-status').textContent = `Listening at ${state.live ? state.live.audio.sampleRate : '?'} Hz · ${formatTime(msg.t_s)} of audio`;
  if (msg.silence) {
    showEmotion(el, '', `at ${msg.t_s.toFixed(1)} s`);
    renderProbs($('live-probs'), null);
  } else {
    const p = msg.probabilities[msg.emotion] || 0;
    showEmotion(el, msg.emotion, `${Math.round(100 * p)}% at ${msg.t_s.toFixed(1)} s${msg.final ? ' (end)' : ''}`);
    renderProbs($('live-probs'), msg.probabilities);
  }
  drawLiveTimeline();
}

// stopLive asks the server for the final prediction; the stream ends when
// the server closes it.
function stopLive() {
  const live = state.live;
  if (!live) return;
  live.stopping = true;
  $('stop').disabled = true;
  live.media.getTracks().forEach((t) => t.stop());
  if (live.ws.readyState === WebSocket.OPEN) {
    live.ws.send(JSON.stringify({ type: 'stop' }));
  } else {
    live.ws.close();
  }
}

// endLive releases the microphone and the audio context of a stream.
function endLive(live) {
  live.media.getTracks().forEach((t) => t.stop());
  live.audio.close();
  if (state.live === live) state.live = null;
  $('start').disabled = false;
  $('stop').disabled = true;
  $('live-status').textContent = 'Stopped. Press “Start microphone” to listen again.';
  $('live-status').classList.remove('live');
}

// ---- file -----------------------------------------------------------------

async function analyseFile(file) {
  const generation = ++state.fileGeneration;
  clearError();
  $('file-name').textContent = `${file.name} · analysing…`;
  const urls = []; // this analysis's figures
  const revoke = (list) => list.forEach((u) => URL.revokeObjectURL(u));
  const post = (path) => {
    const body = new FormData();
    body.append('file', file);
    return fetch(path, { method: 'POST', body, headers: authHeaders() });
  };
  // allSettled, not all: every figure's URL is known before any is revoked.
  const [result, wave, spectrogram] = await Promise.allSettled([
    post('/v1/predict?segments=1').then(async (r) => {
      if (!r.ok) throw await apiError(`Could not analyse ${file.name}`, r);
      return r.json();
    }),
    post('/v1/plot?kind=wave').then((r) => figure('wave plot', r, urls)),
    post('/v1/plot?kind=spectrogram').then((r) => figure('spectrogram', r, urls)),
  ]);
  if (generation !== state.fileGeneration) {
    revoke(urls); // another file was chosen meanwhile: its answers win
    return;
  }
  const failed = [result, wave, spectrogram].find((s) => s.status === 'rejected');
  if (failed) {
    revoke(urls);
    $('file-name').textContent = file.name;
    showError(failed.reason.message);
    return;
  }
  revoke(state.objectURLs);
  state.objectURLs = urls;
  showFileResult(file, result.value);
  $('wave-img').src = wave.value;
  $('spectrogram-img').src = spectrogram.value;
}

// figure returns an object URL for a PNG response and adds it to urls.
async function figure(what, resp, urls) {
  if (!resp.ok) throw await apiError(`Could not draw the ${what}`, resp);
  const url = URL.createObjectURL(await resp.blob());
  urls.push(url);
  return url;
}

function showFileResult(file, result) {
  $('file-result').hidden = false;
  $('file-name').textContent = `${file.name} · ${result.duration_s.toFixed(2)} s at ${result.rate} Hz`;
  const p = result.probabilities[result.emotion] || 0;
  showEmotion($('file-emotion'), result.emotion, `${Math.round(100 * p)}% over the whole file`);
  renderProbs($('file-probs'), result.probabilities);
  // Overlapping segments: each column runs from midpoint to midpoint of the
  // segments' centres.
  const segs = result.segments || [];
  const centres = segs.map((s) => (s.start_s + s.end_s) / 2);
  state.fileSegments = segs.map((s, i) => ({
    start: i === 0 ? 0 : (centres[i - 1] + centres[i]) / 2,
    end: i === segs.length - 1 ? result.duration_s : (centres[i] + centres[i + 1]) / 2,
    probs: s.probabilities,
  }));
  state.fileDuration = result.duration_s;
  drawFileTimeline();
}

// ---- start ------------------------------------------------------------------

function main() {
  setupKey();
  $('error-close').addEventListener('click', clearError);
  $('start').addEventListener('click', startLive);
  $('stop').addEventListener('click', stopLive);
  $('file').addEventListener('change', (e) => {
    if (e.target.files.length) analyseFile(e.target.files[0]);
  });
  const redraw = () => { drawLiveTimeline(); drawFileTimeline(); };
  new ResizeObserver(redraw).observe(document.body);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
  loadModel();
}

main();
