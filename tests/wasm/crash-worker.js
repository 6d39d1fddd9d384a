// A render worker that dies on its first render request (an uncaught
// error), for the client's crash handling.
self.onmessage = (event) => {
  if (event.data.type === 'render') setTimeout(() => { throw new Error('worker crashed on purpose'); });
};
