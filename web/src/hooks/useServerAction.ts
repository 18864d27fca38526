import { useCallback } from 'react';
import { App } from 'antd';

interface ActionOptions {
  /** Said when the action succeeded. */
  success?: string;
  /** Reloads what the action changed, after success or failure (a stale row is replaced). */
  refresh?: () => Promise<unknown>;
}

/**
 * Runs one action of a list row (move, close, delete): the server's message when it refuses,
 * the success text when it does not, then the list reloads. Resolves to whether it succeeded.
 */
export function useServerAction() {
  const { message } = App.useApp();
  return useCallback(
    async (action: () => Promise<unknown>, { success, refresh }: ActionOptions = {}) => {
      try {
        await action();
        if (success) void message.success(success);
        return true;
      } catch (error) {
        void message.error(error instanceof Error ? error.message : String(error));
        return false;
      } finally {
        await refresh?.();
      }
    },
    [message],
  );
}
