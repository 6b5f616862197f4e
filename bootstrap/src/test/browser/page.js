// Runs in Chromium: connects to Tern with MQTT.js over the WebSocket URL given in the query,
// subscribes to browser/in, publishes one message to browser/out, and lists what arrives.
(function () {
  const params = new URLSearchParams(window.location.search);
  const url = params.get('ws');
  const version = Number(params.get('v'));
  const status = document.getElementById('status');
  const list = document.getElementById('messages');
  document.getElementById('broker').textContent = url + ' (MQTT protocol level ' + version + ')';

  const client = mqtt.connect(url, {
    protocolVersion: version,
    clientId: 'chromium-v' + version,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 10000,
  });

  client.on('connect', () => {
    status.textContent = 'connected';
    client.subscribe('browser/in', { qos: 1 }, (error) => {
      if (error) {
        status.textContent = 'subscribe failed: ' + error.message;
        return;
      }
      const options = { qos: 1 };
      if (version === 5) {
        options.properties = { userProperties: { origin: 'page' } };
      }
      client.publish('browser/out', 'hello from the page (v' + version + ')', options, (publishError) => {
        status.textContent = publishError ? 'publish failed: ' + publishError.message : 'subscribed';
      });
    });
  });

  client.on('message', (topic, payload, packet) => {
    const item = document.createElement('li');
    const properties = packet.properties && packet.properties.userProperties;
    item.textContent = topic + ': ' + payload.toString()
        + (properties ? ' ' + JSON.stringify(properties) : '');
    list.appendChild(item);
  });

  client.on('error', (error) => {
    status.textContent = 'error: ' + error.message;
  });

  client.on('close', () => {
    if (status.textContent === 'starting') {
      status.textContent = 'closed before connecting';
    }
  });
})();
