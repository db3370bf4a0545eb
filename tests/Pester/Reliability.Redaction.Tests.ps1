#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The redaction sweep's transcript leg (issue 13): every secret shape goes through the module and the emulator with -Verbose
# and -Debug while a transcript records the session, and the transcript holds none of them. The session runs in a new pwsh
# (its console output is captured, not printed). The journal, verbose, debug and error legs:
# tests/CallbackLab.PowerShell.Tests/Commands/Api/RedactionSweepTests.cs.

BeforeAll {
    $script:manifest = if ($env:CALLBACKLAB_MANIFEST) { $env:CALLBACKLAB_MANIFEST } else { Join-Path $PSScriptRoot '../../out/CallbackLab/CallbackLab.psd1' }

    # The command line that starts a new pwsh like this one: the .NET tool runs as `dotnet pwsh.dll`.
    function Get-PwshCommand {
        $exe = [Environment]::ProcessPath
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
        @($exe)
    }
}

Describe 'Redaction in a transcript' {
    It 'keeps every secret shape out of the transcript' {
        $secret = 'SWEEP-transcript-51d0e2'
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $owned = Join-Path $TestDrive 'emulator-secrets.txt'
        # Passed through the environment: the transcript's header quotes the command line, and the secret must not be in it.
        $session = {
            $Manifest, $Transcript, $Owned, $Secret = $env:CBLAB_SWEEP_MANIFEST, $env:CBLAB_SWEEP_TRANSCRIPT, $env:CBLAB_SWEEP_OWNED, $env:CBLAB_SWEEP_SECRET
            Import-Module $Manifest -Force
            $e = Start-CallbackLabEmulator
            $names = 'client_secret', 'clientSecret', 'refresh_token', 'apiKey', 'password', 'token', 'access_token'
            $props = @{}
            for ($i = 0; $i -lt $names.Count; $i++) { $props[$names[$i]] = "$Secret$i" }
            $props['deep'] = @{ list = @(@{ APIKEY = "${Secret}deep" }) }
            $json = $props | ConvertTo-Json -Depth 5 -Compress
            $headers = @{ 'X-Auth-Token' = "${Secret}h1"; 'X-Api-Key' = "${Secret}h2"; 'Cookie' = "session=${Secret}h3"; 'Authorization' = "Bearer ${Secret}h4" }
            $query = ($names | ForEach-Object { "$_=${Secret}q" }) -join '&'
            # The emulator's own secrets, for the check (written before the transcript starts).
            $e.AccessToken, $e.ClientSecret, $e.RefreshToken | ForEach-Object { [System.Net.NetworkCredential]::new('', $_).Password } | Set-Content $Owned

            # Another client sends the raw shapes (before the transcript: Invoke-WebRequest's own debug output is not CallbackLab's).
            $null = Invoke-WebRequest -Uri $e.TokenUri -Method Post -Body $json -ContentType 'application/json' -Headers $headers -SkipHttpErrorCheck
            $null = Invoke-WebRequest -Uri "$($e.MockApiUri)/DynVars?$query" -Headers $headers -SkipHttpErrorCheck

            Start-Transcript -Path $Transcript | Out-Null
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            $null = New-DynVars -Dn 5550197 -OutboundCallbackEp ep -TacNumber 14085267209 -Property $props -Verbose -Debug
            $null = Connect-Wxcc -Uri $e.WxccUri -TokenUri $e.TokenUri -ClientId $e.ClientId -ClientSecret $e.ClientSecret -RefreshToken $e.RefreshToken -MockApiUri $e.MockApiUri -Verbose -Debug
            Set-CallbackLabFault -Path '*/DynVars*' -Method GET -StatusCode 400 -Body $json -Count 1
            Get-DynVars -Id 1 -MaximumRetryCount 0 -Verbose -Debug -ErrorAction Continue
            Get-CallbackLabRequest -Emulator $e | Format-List * -Force | Out-Host
            Get-CallbackLabRequest -Emulator $e | ConvertTo-Json -Depth 5 | Out-Host
            $Error[0] | Format-List * -Force | Out-Host
            $Error[0].Exception | Format-List * -Force | Out-Host
            $VerbosePreference = 'SilentlyContinue'
            $DebugPreference = 'SilentlyContinue'
            Stop-Transcript | Out-Null
            Get-CallbackLabEmulator | Stop-CallbackLabEmulator
        }

        $pwsh = @(Get-PwshCommand)
        $rest = @($pwsh | Select-Object -Skip 1) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-Command', "& { $session }")
        $env:CBLAB_SWEEP_MANIFEST, $env:CBLAB_SWEEP_TRANSCRIPT, $env:CBLAB_SWEEP_OWNED, $env:CBLAB_SWEEP_SECRET = $manifest, $transcript, $owned, $secret
        try { $console = @(& $pwsh[0] @rest 2>&1 | ForEach-Object { "$_" }) }
        finally { Remove-Item Env:CBLAB_SWEEP_MANIFEST, Env:CBLAB_SWEEP_TRANSCRIPT, Env:CBLAB_SWEEP_OWNED, Env:CBLAB_SWEEP_SECRET }
        $LASTEXITCODE | Should -Be 0 -Because ($console -join "`n")

        $text = Get-Content -Raw $transcript
        # The transcript saw each path (or a clean result would prove nothing) ...
        $text | Should -Match '/v1/access_token'
        $text | Should -Match 'X-Auth-Token'
        $text | Should -Match 'clientSecret'
        $text | Should -Match 'failed with 400'
        $text | Should -Match ([regex]::Escape('***'))
        # ... and holds no secret: neither the shapes sent nor the emulator's own.
        $text | Should -Not -Match ([regex]::Escape($secret))
        foreach ($own in Get-Content $owned) {
            $own.Length | Should -BeGreaterThan 8
            $text | Should -Not -Match ([regex]::Escape($own))
        }
    }
}
