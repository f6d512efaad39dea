// Runs the synthesised workflow definition in aws-local-stepfunctions with every Task overridden by a
// scripted sequence of results, and prints what happened as one JSON line.
// Usage: node run.mjs <definition.json> <scenario.json>
// scenario: { "input": {...}, "enteredTime": "ISO", "tasks": { "<TaskState>": [ {"return": {...}} | {"throw": "ErrorName"} ] } }
// Each call of a task takes the next entry of its list; the last entry repeats.
import { readFileSync } from 'node:fs';

if (!Promise.withResolvers) { // Node 20 lacks it; the interpreter needs it
  Promise.withResolvers = () => {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
const { StateMachine } = await import('aws-local-stepfunctions');

const definition = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const scenario = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const calls = {};
const inputs = {};
const handlers = {};
const waits = {};
const retries = {};
for (const [name, state] of Object.entries(definition.States)) {
  if (state.Type === 'Task') {
    const script = scenario.tasks[name] ?? [{ return: {} }];
    handlers[name] = async (input) => {
      const n = calls[name] = (calls[name] ?? 0) + 1;
      (inputs[name] ??= []).push(input);
      const step = script[Math.min(n, script.length) - 1];
      if (step.throw) {
        const error = new Error(step.cause ?? step.throw);
        error.name = step.throw;
        throw error;
      }
      return step.return;
    };
    retries[name] = 0;
  }
  if (state.Type === 'Wait') waits[name] = 0;
}
const visited = [];
const machine = new StateMachine(definition, { validationOptions: { checkArn: false } });
const execution = machine.run(scenario.input, {
  overrides: { taskResourceLocalHandlers: handlers, waitTimeOverrides: waits, retryIntervalOverrides: retries },
  // what Step Functions puts in the context object; the interpreter takes it from here
  context: { State: { EnteredTime: scenario.enteredTime },
             Execution: { Id: 'arn:aws:states:us-east-1:111122223333:execution:QuotaDoctor:scenario' } },
});
const logging = (async () => {
  for await (const event of execution.eventLogs) {
    if (event.type === 'StateEntered') visited.push(event.state.name);
  }
})();
let outcome;
try {
  outcome = { status: 'SUCCEEDED', output: await execution.result };
} catch (e) {
  const failure = e.cause ?? e; // the interpreter wraps the Fail state's error in an ExecutionError
  outcome = { status: 'FAILED', error: failure.name, cause: failure.message };
}
await logging.catch(() => {});
console.log(JSON.stringify({ ...outcome, calls, inputs, visited }));
