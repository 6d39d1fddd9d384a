// A stand-in for anywidget's model in the component harness: a plain event
// emitter holding traits. set() fires change:<name> like a synced trait.
export class FakeModel {
  constructor(traits = {}) {
    this.traits = { ...traits };
    this.listeners = new Map();
    this.sent = [];
  }
  get(name) { return this.traits[name]; }
  set(name, value) { this.traits[name] = value; this.emit(`change:${name}`); }
  // Sets several traits, then fires their events, as one synced update does.
  setMany(values) {
    Object.assign(this.traits, values);
    for (const name of Object.keys(values)) this.emit(`change:${name}`);
  }
  on(event, cb) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(cb);
  }
  off(event, cb) {
    if (event == null) { this.listeners.clear(); return; }
    if (cb == null) { this.listeners.delete(event); return; }
    this.listeners.get(event)?.delete(cb);
  }
  emit(event, ...args) { for (const cb of [...(this.listeners.get(event) ?? [])]) cb(...args); }
  listenerCount() { let n = 0; for (const s of this.listeners.values()) n += s.size; return n; }
  // Messages the viewer sent (its requests to Python), in order, and the
  // buffers of each (sentBuffers[i] for sent[i]).
  send(content, _callbacks, buffers) { this.sent.push(content); (this.sentBuffers ??= []).push(buffers ?? []); }
  // A custom message from "Python", as anywidget delivers it: (content, DataView[]).
  reply(content, buffers = []) {
    this.emit('msg:custom', content, buffers.map((b) => new DataView(b.buffer ?? b, b.byteOffset ?? 0, b.byteLength)));
  }
  save_changes() {}
}
