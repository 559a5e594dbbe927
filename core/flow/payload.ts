// Button payloads: "flow/node/option" for a flow's options, "cmd:name" for global commands. Ids cannot hold
// "/" or ":", so the two never collide. Telegram's callback_data allows 64 bytes, the strictest channel.
export const MAX_PAYLOAD_BYTES = 64;

export function payloadFor(flowId: string, nodeId: string, optionId: string): string {
  return `${flowId}/${nodeId}/${optionId}`;
}

export function parseOptionPayload(payload: string): { flow: string; node: string; option: string } | undefined {
  const parts = payload.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined;
  const [flow, node, option] = parts as [string, string, string];
  return { flow, node, option };
}

export function commandPayload(name: string): string {
  return `cmd:${name}`;
}

export function parseCommandPayload(payload: string): string | undefined {
  return payload.startsWith('cmd:') ? payload.slice(4) : undefined;
}
