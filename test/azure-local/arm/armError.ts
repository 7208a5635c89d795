// ARM's error envelope `{ error: { code, message, target?, details? } }`, thrown by routes and turned into a
// response by the server. Codes and wording follow what Azure Resource Manager and the resource providers answer,
// so the extension's error handling is exercised with the messages users will really see.

export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target: string | undefined;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, options: { target?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ArmError';
    this.status = status;
    this.code = code;
    this.target = options.target;
    this.headers = options.headers ?? {};
  }
  toBody(): { error: { code: string; message: string; target?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.target ? { target: this.target } : {}) } };
  }
}

export function resourceNotFound(type: string, name: string, resourceGroup: string): ArmError {
  return new ArmError(
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function resourceGroupNotFound(name: string): ArmError {
  return new ArmError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}

export function subscriptionNotFound(subscriptionId: string): ArmError {
  return new ArmError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`);
}

export function invalidParameter(target: string, message?: string): ArmError {
  return new ArmError(400, 'InvalidParameter', message ?? `The value of parameter ${target} is invalid.`, { target });
}

export function missingParameter(target: string): ArmError {
  return new ArmError(400, 'InvalidParameter', `Required parameter '${target}' is missing (null).`, { target });
}

export function invalidRequestContent(detail: string): ArmError {
  return new ArmError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: '${detail}'.`);
}

export function operationNotAllowed(message: string): ArmError {
  return new ArmError(409, 'OperationNotAllowed', message);
}
