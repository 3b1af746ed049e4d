// The SignalR connection to /hubs/notifications. It never gives up while the user is signed in: automatic
// reconnect retries forever, and if the connection still closes (the server shut it, or start failed) it is
// started again. Every (re)connect is followed by a catch-up, because pushes sent while we were away are lost;
// so is every `resync`, which the server sends when it knows it lost pushes to this user.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

export const HUB_PATH = '/hubs/notifications';

const RETRY_DELAYS_MS = [0, 500, 1000, 2000];
const STEADY_RETRY_MS = 3000;

const delayFor = (attempt) => RETRY_DELAYS_MS[attempt] ?? STEADY_RETRY_MS;

// The client wraps the negotiate response in an error whose text carries the status code.
const isUnauthorized = (error) => /\b401\b/.test(String(error?.message ?? error ?? ''));

/**
 * @param {object} options
 * @param {() => string | null} options.getToken the current access token (read fresh for every connect)
 * @param {(notification: object) => void} options.onNotification
 * @param {(unreadCount: number) => void} options.onUnreadCount
 * @param {(notification: object) => void} options.onNotificationUpdated another tab read, archived or unarchived it
 * @param {(id: number) => void} options.onNotificationDeleted another tab deleted it
 * @param {(preferences: object) => void} options.onPreferences another tab changed them: the whole set
 * @param {() => void} options.onResync the server dropped pushes to this user: fetch what is missing
 * @param {(state: 'connected' | 'reconnecting' | 'disconnected') => void} options.onStateChange
 * @param {() => void} options.onConnected after the first start and after every reconnect
 * @param {() => void} options.onConnectionLost when the connection drops, before any retry
 * @param {() => void} options.onUnauthorized the server refused the token
 */
export function createLiveConnection({
  getToken,
  onNotification,
  onUnreadCount,
  onNotificationUpdated,
  onNotificationDeleted,
  onPreferences,
  onResync,
  onStateChange,
  onConnected,
  onConnectionLost,
  onUnauthorized,
}) {
  let stopped = false;
  let restartTimer = null;

  const connection = new HubConnectionBuilder()
    .withUrl(HUB_PATH, { accessTokenFactory: () => getToken() ?? '' })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) =>
        // A refused token will not get better by retrying; stopping leads to onclose below.
        isUnauthorized(retryReason) ? null : delayFor(previousRetryCount),
    })
    .configureLogging(LogLevel.Warning)
    .build();

  connection.on('notification', (notification) => onNotification(notification));
  connection.on('unread_count', (payload) => onUnreadCount(payload?.unread_count));
  connection.on('notification_updated', (payload) => onNotificationUpdated(payload?.notification));
  connection.on('notification_deleted', (payload) => onNotificationDeleted(payload?.id));
  connection.on('preferences', (payload) => onPreferences(payload?.preferences));
  connection.on('resync', () => onResync());

  connection.onreconnecting(() => {
    onConnectionLost();
    onStateChange('reconnecting');
  });

  connection.onreconnected(() => {
    onStateChange('connected');
    onConnected();
  });

  connection.onclose((error) => {
    if (stopped) return;
    onConnectionLost();
    onStateChange('disconnected');
    if (isUnauthorized(error) || !getToken()) {
      onUnauthorized();
      return;
    }
    scheduleStart(0);
  });

  function scheduleStart(attempt) {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => start(attempt), delayFor(attempt));
  }

  async function start(attempt = 0) {
    if (stopped || connection.state !== HubConnectionState.Disconnected) return;
    if (attempt > 0) onStateChange('reconnecting');
    try {
      await connection.start();
    } catch (error) {
      if (stopped) return;
      if (isUnauthorized(error) || !getToken()) {
        onStateChange('disconnected');
        onUnauthorized();
        return;
      }
      onStateChange('reconnecting');
      scheduleStart(attempt + 1);
      return;
    }
    if (stopped) return;
    onStateChange('connected');
    onConnected();
  }

  return {
    start: () => start(0),
    async stop() {
      stopped = true;
      clearTimeout(restartTimer);
      await connection.stop().catch(() => {});
    },
  };
}
