import NIOCore

/// `GET /model/info` (admin or admin viewer): every deployment with its `litellm_params`
/// (keys and secrets left out, as LiteLLM does) and `model_info` — `id`, `db_model`, `key`
/// (the cost-map entry that prices it) and that entry's fields as the proxy serves them.
/// Built with each loaded map (`CostMapSnapshot.modelInfoBody`): it is a few kB, the map it
/// is read from 2–3 MB.
extension SimulatorCore {
    func modelInfo(role: Role, state: inout SimulatorState) throws(ResponseError) -> OutgoingResponse {
        try requireAdmin(role, viewerAllowed: true)
        return .json(200, prebuilt: state.costMap.modelInfoBody)
    }
}

enum ModelInfoBodies {
    static func body(served: PythonObject, version: LiteLLMVersion) -> ByteBuffer {
        var data: [PythonJSON] = []
        for d in SimulatedDeployment.all(for: version) {
            var entry = PythonObject()
            if case .object(let found)? = served[d.catalogKey] { entry = found }
            let info: PythonObject
            let params: PythonObject
            if version == .v1_110_2 {
                // Four header fields, then `get_model_info`'s fields in its order; catalog
                // fields it does not know (`source`, `deprecation_date`...) are not listed.
                var made: PythonObject = [
                    "id": .string(d.id), "db_model": .bool(false), "member_auto_router": .bool(false),
                    "pricing_overrides": .array([]),
                ]
                for field in SimulatedDeployment.modelInfoFieldOrder1_110_2 {
                    made[field] = entry[field] ?? d.registeredValue(field, entry: entry)
                }
                info = made
                params = d.litellmParams
            } else {
                var made: PythonObject = ["id": .string(d.id), "db_model": .bool(false), "key": .string(d.catalogKey)]
                for (key, value) in entry.entries where made[key] == nil { made[key] = value }
                info = made
                params = ["model": .string(d.litellmModel)]
            }
            data.append(.object([
                "model_name": .string(d.modelName),
                "litellm_params": .object(params),
                "model_info": .object(info),
            ]))
        }
        // 1.110.2 renders this answer with orjson (`3e-6`), the public map with `json` (`3e-06`).
        return ByteBuffer(bytes: PythonJSONWriter.encode(.object(["data": .array(data)]), orjsonFloats: version == .v1_110_2))
    }
}
